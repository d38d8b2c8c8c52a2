package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.Excerpt;
import dev.hikyaku.diagnose.encoding.CharsetLabels.Label;
import dev.hikyaku.diagnose.encoding.CharsetProblems.Subject;
import dev.hikyaku.diagnose.encoding.Decoding.Decoded;
import dev.hikyaku.diagnose.encoding.Detection.Detected;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Analyses the start of one MIME leaf part: its transfer encoding, its declared charset against the
 * detected one, and a preview of what it says.
 */
final class PartInspector {

  /** The preview is made from at most this many decoded characters. */
  private static final int PREVIEW_SOURCE = 4 * Preview.MAX_CHARACTERS;

  private PartInspector() {}

  /**
   * A leaf part's declared encoding, as written in its header.
   *
   * @param where {@code body} or {@code part 1.2}
   * @param contentType the media type, lower case
   * @param charset the charset parameter, if there is one
   * @param transferEncoding the Content-Transfer-Encoding, if there is one
   */
  record Declared(
      String where,
      String contentType,
      Optional<String> charset,
      Optional<String> transferEncoding) {

    Declared {
      Objects.requireNonNull(where, "where");
      Objects.requireNonNull(contentType, "contentType");
      Objects.requireNonNull(charset, "charset");
      Objects.requireNonNull(transferEncoding, "transferEncoding");
    }

    boolean text() {
      return contentType.startsWith("text/");
    }
  }

  /**
   * The part's text and findings (added to {@code findings}).
   *
   * @param prefix the start of the part as transferred
   * @param total the part's length as transferred
   */
  static PartText inspect(
      Declared declared, byte[] prefix, long total, List<EncodingFinding> findings) {
    String where = declared.where();
    byte[] raw = prefix.length < total ? cutAtLineEnd(prefix) : prefix;
    List<EncodingFinding> found = new ArrayList<>();
    TransferEncoding encoding = TransferEncoding.of(declared.transferEncoding());
    int high = eightBit(raw);
    if (encoding == TransferEncoding.UNKNOWN) {
      found.add(PartProblems.unknownTransfer(where, declared.transferEncoding().orElseThrow()));
    } else if (high > 0 && encoding == TransferEncoding.SEVEN_BIT) {
      found.add(PartProblems.eightBitAs7bit(where, high, declared.transferEncoding().isPresent()));
    } else if (high > 0 && !encoding.eightBitAllowed()) {
      found.add(PartProblems.eightBitInEncoded(where, high, encoding));
    }
    if (!declared.text()) {
      findings.addAll(found);
      return new PartText(
          where,
          declared.contentType(),
          declared.charset(),
          declared.transferEncoding(),
          new Detection.Undetermined("not a text part"),
          new DeclaredDecoding.NotChecked("not a text part"),
          Optional.empty(),
          prefix.length,
          total,
          codes(found));
    }
    byte[] bytes = encoding.decode(raw);
    Optional<Label> label = declared.charset().map(CharsetLabels::resolve);
    Subject subject =
        Subject.part(where, declared.contentType(), label.map(Label::label).orElse(""));
    label
        .flatMap(Label::registeredName)
        .ifPresent(name -> found.add(CharsetProblems.unregisteredLabel(subject, name)));
    Optional<Charset> charset = label.flatMap(Label::charset);
    TextCheck.Result result = TextCheck.check(bytes, charset);
    if (label.isPresent() && charset.isEmpty()) {
      found.add(CharsetProblems.unknownLabel(subject, result.detection()));
    }
    if (label.isEmpty() && !ascii(result.detection())) {
      found.add(PartProblems.charsetMissing(where, declared.contentType(), result.detection()));
    }
    result.issues().forEach(issue -> found.add(CharsetProblems.of(issue, subject)));
    findings.addAll(found);
    return new PartText(
        where,
        declared.contentType(),
        declared.charset(),
        declared.transferEncoding(),
        result.detection(),
        declaredDecoding(label, result),
        Optional.of(new Preview(result.readAs().name(), preview(result.text()))),
        prefix.length,
        total,
        codes(found));
  }

  private static DeclaredDecoding declaredDecoding(Optional<Label> label, TextCheck.Result result) {
    if (label.isEmpty()) {
      return new DeclaredDecoding.NotChecked("no charset declared");
    }
    if (result.declared().isEmpty()) {
      return new DeclaredDecoding.UnknownCharset(label.get().label());
    }
    Decoded decoded = result.declared().get();
    if (!decoded.clean()) {
      return new DeclaredDecoding.Replacements(decoded.errors());
    }
    if (result.wrongCharset().isPresent()
        || TextPlausibility.of(decoded.text()).value() < TextCheck.IMPLAUSIBLE) {
      return new DeclaredDecoding.Implausible(TextCheck.sample(decoded.text()));
    }
    return new DeclaredDecoding.Clean();
  }

  private static boolean ascii(Detection detection) {
    return detection instanceof Detected d && d.charset() == DetectedCharset.US_ASCII;
  }

  /** The first characters, white space collapsed, control characters gone. */
  private static String preview(String text) {
    String start = text.substring(0, Math.min(text.length(), PREVIEW_SOURCE));
    return Excerpt.of(start.replaceAll("\\s+", " ").strip(), Preview.MAX_CHARACTERS);
  }

  /**
   * The prefix up to its last line end, so a cut part does not end in half a character or half a
   * base64 quantum; unchanged when it has no line end.
   */
  private static byte[] cutAtLineEnd(byte[] prefix) {
    for (int i = prefix.length - 1; i > 0; i--) {
      if (prefix[i] == '\n') {
        return Arrays.copyOf(prefix, i + 1);
      }
    }
    return prefix;
  }

  private static int eightBit(byte[] bytes) {
    int count = 0;
    for (byte b : bytes) {
      if (b < 0) {
        count++;
      }
    }
    return count;
  }

  private static List<String> codes(List<EncodingFinding> found) {
    return found.stream().map(EncodingFinding::code).distinct().toList();
  }
}
