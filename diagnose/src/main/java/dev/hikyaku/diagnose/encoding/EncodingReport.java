package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.headers.Severity;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The encoding diagnosis of one message.
 *
 * @param mimeVersion whether the message has a MIME-Version field (RFC 2045 §4)
 * @param headers the header fields with non-ASCII bytes or encoded-words, in order
 * @param parts the leaf parts with content, in order
 * @param findings what was found, each with its cause and fix
 * @param bytesRead how many bytes of the message were read
 * @param truncated whether the message is longer than was read
 */
public record EncodingReport(
    boolean mimeVersion,
    List<HeaderText> headers,
    List<PartText> parts,
    List<EncodingFinding> findings,
    long bytesRead,
    boolean truncated) {

  public EncodingReport {
    headers = List.copyOf(headers);
    parts = List.copyOf(parts);
    findings = List.copyOf(findings);
    if (bytesRead < 0) {
      throw new IllegalArgumentException("bytes read cannot be negative");
    }
  }

  /** The worst severity among the findings, if there are any. */
  public Optional<Severity> worst() {
    return findings.stream().map(EncodingFinding::severity).max(Comparator.naturalOrder());
  }

  /** The findings with {@code code}, in order. */
  public List<EncodingFinding> withCode(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }
}
