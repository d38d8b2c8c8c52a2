package dev.hikyaku.diagnose.encoding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The encoding of one MIME leaf part (RFC 2045, RFC 2046): declared, detected, and read.
 *
 * @param where {@code body} for a message of one part, else {@code part 1}, {@code part 2.1}...
 *     numbered as IMAP does (RFC 9051 §6.4.5)
 * @param contentType the media type, such as {@code text/plain}
 * @param declaredCharset the charset parameter as written, if there is one
 * @param transferEncoding the Content-Transfer-Encoding as written, if there is one (RFC 2045 §6.1:
 *     none means 7bit)
 * @param detected what the detector made of the decoded bytes analysed
 * @param declaredDecoding what decoding them with the declared charset gives
 * @param preview what the text probably says, for text parts with content
 * @param analysedBytes how many bytes of the part (as transferred) were analysed
 * @param totalBytes how many bytes the part has (as transferred)
 * @param problems the codes of the findings about this part
 */
public record PartText(
    String where,
    String contentType,
    Optional<String> declaredCharset,
    Optional<String> transferEncoding,
    Detection detected,
    DeclaredDecoding declaredDecoding,
    Optional<Preview> preview,
    long analysedBytes,
    long totalBytes,
    List<String> problems) {

  public PartText {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(contentType, "contentType");
    Objects.requireNonNull(declaredCharset, "declaredCharset");
    Objects.requireNonNull(transferEncoding, "transferEncoding");
    Objects.requireNonNull(detected, "detected");
    Objects.requireNonNull(declaredDecoding, "declaredDecoding");
    Objects.requireNonNull(preview, "preview");
    problems = List.copyOf(problems);
    if (analysedBytes < 0 || analysedBytes > totalBytes) {
      throw new IllegalArgumentException("analysed bytes must lie between 0 and the total");
    }
  }

  /** The detected charset's name, or {@code undetermined}. */
  public String detectedCharsetName() {
    return detected.detectedCharset().map(DetectedCharset::mimeName).orElse("undetermined");
  }

  /** Whether only the start of the part was analysed. */
  public boolean truncated() {
    return analysedBytes < totalBytes;
  }
}
