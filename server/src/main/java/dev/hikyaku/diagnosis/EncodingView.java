package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.encoding.DeclaredDecoding;
import dev.hikyaku.diagnose.encoding.Detection;
import dev.hikyaku.diagnose.encoding.EncodingFinding;
import dev.hikyaku.diagnose.encoding.EncodingReport;
import dev.hikyaku.diagnose.encoding.HeaderText;
import dev.hikyaku.diagnose.encoding.PartText;
import dev.hikyaku.diagnose.encoding.Preview;
import java.util.List;
import java.util.Optional;

/**
 * The encoding diagnosis (mojibake) of a message in the shape the console and the API show it: the
 * library's sealed verdicts flattened into named values, the same as {@code hikyaku headers
 * --json}.
 *
 * @param mimeVersion whether the message has a MIME-Version field
 * @param bytesRead how many bytes of the message the analysis read
 * @param truncated whether the message is longer than was analysed
 * @param headers header fields with encoded-words or raw non-ASCII bytes
 * @param parts the leaf parts with content
 * @param findings each with its cause and fix
 */
public record EncodingView(
    boolean mimeVersion,
    long bytesRead,
    boolean truncated,
    List<Header> headers,
    List<Part> parts,
    List<EncodingFinding> findings) {

  public EncodingView {
    headers = List.copyOf(headers);
    parts = List.copyOf(parts);
    findings = List.copyOf(findings);
  }

  /**
   * A header field as written and as decoded.
   *
   * @param where the field, such as {@code Subject} or {@code part 2 Subject}
   * @param raw the value as written, bytes above 127 shown as {@code \xNN}
   * @param decoded what it probably says
   * @param charsets the charsets its encoded-words declare
   * @param rawBytesCharset the charset detected in raw 8-bit bytes, if any and if detected
   * @param rawBytesWhy why that charset, or why none could be told
   * @param problems the codes of the findings about it
   */
  public record Header(
      String where,
      String raw,
      String decoded,
      List<String> charsets,
      Optional<String> rawBytesCharset,
      Optional<String> rawBytesWhy,
      List<String> problems) {}

  /**
   * A leaf part: declared, detected and read.
   *
   * @param where {@code body}, or {@code part 1.2} numbered as IMAP does
   * @param contentType the media type
   * @param charset the declared charset parameter
   * @param transferEncoding the declared Content-Transfer-Encoding (none means 7bit)
   * @param detectedCharset the charset detected from the bytes, if one was
   * @param detectedWhy why, or why none could be told
   * @param declaredDecoding what decoding with the declared charset gives: {@code clean}, {@code
   *     replacements}, {@code implausible}, {@code unknown-charset} or {@code not-checked}
   * @param declaredDecodingDetail the number of replacements, a sample, or why not checked
   * @param previewCharset the charset the preview was read with
   * @param preview the start of the text in the charset it is most likely in
   * @param analysedBytes bytes of the part analysed
   * @param totalBytes bytes of the part
   * @param problems the codes of the findings about it
   */
  public record Part(
      String where,
      String contentType,
      Optional<String> charset,
      Optional<String> transferEncoding,
      Optional<String> detectedCharset,
      String detectedWhy,
      String declaredDecoding,
      String declaredDecodingDetail,
      Optional<String> previewCharset,
      Optional<String> preview,
      long analysedBytes,
      long totalBytes,
      List<String> problems) {}

  static EncodingView of(EncodingReport report) {
    return new EncodingView(
        report.mimeVersion(),
        report.bytesRead(),
        report.truncated(),
        report.headers().stream().map(EncodingView::header).toList(),
        report.parts().stream().map(EncodingView::part).toList(),
        report.findings());
  }

  private static Header header(HeaderText h) {
    return new Header(
        h.where(),
        h.raw(),
        h.decoded(),
        h.charsets(),
        h.rawBytes().flatMap(Detection::detectedCharset).map(c -> c.mimeName()),
        h.rawBytes().map(EncodingView::why),
        h.problems());
  }

  private static Part part(PartText p) {
    return new Part(
        p.where(),
        p.contentType(),
        p.declaredCharset(),
        p.transferEncoding(),
        p.detected().detectedCharset().map(c -> c.mimeName()),
        why(p.detected()),
        result(p.declaredDecoding()),
        detail(p.declaredDecoding()),
        p.preview().map(Preview::charset),
        p.preview().map(Preview::text),
        p.analysedBytes(),
        p.totalBytes(),
        p.problems());
  }

  private static String why(Detection detection) {
    return switch (detection) {
      case Detection.Detected d -> d.evidence();
      case Detection.Undetermined u -> u.reason();
    };
  }

  private static String result(DeclaredDecoding decoding) {
    return switch (decoding) {
      case DeclaredDecoding.Clean c -> "clean";
      case DeclaredDecoding.Replacements r -> "replacements";
      case DeclaredDecoding.Implausible i -> "implausible";
      case DeclaredDecoding.UnknownCharset u -> "unknown-charset";
      case DeclaredDecoding.NotChecked n -> "not-checked";
    };
  }

  private static String detail(DeclaredDecoding decoding) {
    return switch (decoding) {
      case DeclaredDecoding.Clean c -> "";
      case DeclaredDecoding.Replacements r -> Integer.toString(r.count());
      case DeclaredDecoding.Implausible i -> i.sample();
      case DeclaredDecoding.UnknownCharset u -> u.label();
      case DeclaredDecoding.NotChecked n -> n.reason();
    };
  }
}
