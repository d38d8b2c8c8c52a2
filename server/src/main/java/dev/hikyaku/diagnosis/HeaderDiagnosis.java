package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.encoding.EncodingAnalyzer;
import dev.hikyaku.diagnose.encoding.EncodingReport;
import dev.hikyaku.diagnose.headers.AuthenticationCheck;
import dev.hikyaku.diagnose.headers.Finding;
import dev.hikyaku.diagnose.headers.HopAnalyzer;
import dev.hikyaku.diagnose.headers.HopReport;
import dev.hikyaku.diagnose.headers.Severity;
import dev.hikyaku.diagnose.headers.SpamVerdicts;
import dev.hikyaku.diagnose.redaction.HeaderRedactor;
import dev.hikyaku.diagnose.redaction.Redaction;
import dev.hikyaku.diagnose.redaction.RedactionOptions;
import dev.hikyaku.mailauth.MessageAuthenticator;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.message.HeaderBlock;
import dev.hikyaku.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * The header analyzer behind the console and the API: the hop table, the authentication verdicts
 * and their re-check, spam verdicts, the encoding diagnosis and the redacted export of a message
 * someone pasted or uploaded. Nothing is stored.
 *
 * <p>At most {@link DiagnosisProperties#maxMessageSize()} of a message is read. Without the
 * re-check only the header block is held in memory and the encoding analysis streams through the
 * rest; the re-check holds the whole message, as DKIM hashes the body.
 */
@Service
public class HeaderDiagnosis {

  private final DnsResolver dns;
  private final Clock clock;
  private final DiagnosisProperties properties;

  HeaderDiagnosis(DnsResolver dns, Clock clock, DiagnosisProperties properties) {
    this.dns = dns;
    this.clock = clock;
    this.properties = properties;
  }

  /**
   * A report on a message, and its header block (for a redacted export).
   *
   * @param report what the analyzer found
   * @param headerBlock the message's header block as text (UTF-8), up to the blank line
   */
  public record Analysis(HeaderDiagnosisReport report, String headerBlock) {}

  /**
   * Analyses a whole message or its header block; {@code recheck} also verifies DKIM again and
   * re-evaluates SPF and DMARC now through the application's DNS resolver.
   *
   * @throws InvalidInputException when the input is empty
   */
  public Analysis analyze(InputStream message, boolean recheck) {
    long limit = properties.maxMessageSize().toBytes();
    CappedInputStream in = new CappedInputStream(message, limit);
    try {
      byte[] kept = in.readNBytes(recheck ? (int) limit : HopAnalyzer.MAX_HEADER_BYTES);
      if (kept.length == 0) {
        throw new InvalidInputException(
            "file", "diagnosis.message-empty", "no message: paste the headers or upload an .eml");
      }
      // The encoding analysis reads the message once: what was kept, then the rest of the upload.
      EncodingReport encoding =
          new EncodingAnalyzer()
              .analyze(new SequenceInputStream(new ByteArrayInputStream(kept), in));
      return new Analysis(
          report(kept, in.count(), in.truncated(), encoding, recheck), HeaderBlockText.of(kept));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the upload", e);
    }
  }

  /** The header block with private data masked as {@code options} say, and the mapping. */
  public Redaction redact(String headers, RedactionOptions options) {
    String block = HeaderBlockText.of(headers == null ? "" : headers);
    if (block.isBlank()) {
      throw new InvalidInputException(
          "headers", "diagnosis.message-empty", "no headers to redact: paste or upload them");
    }
    return new HeaderRedactor(options).redact(block);
  }

  private HeaderDiagnosisReport report(
      byte[] kept, long bytesRead, boolean truncated, EncodingReport encoding, boolean recheck) {
    HeaderBlock headers = HeaderBlock.read(kept, HopAnalyzer.MAX_HEADER_BYTES);
    HopReport hops = new HopAnalyzer(clock).analyze(kept);
    boolean headersOnly = HeaderBlockText.bodyIsEmpty(kept);
    List<Finding> findings = new ArrayList<>(hops.findings());
    boolean message = HeaderBlockText.looksLikeMessage(kept);
    if (!message) {
      findings.add(
          new Finding(
              Severity.PROBLEM,
              "input.not-a-message",
              "no header fields were found: this is not a message or its headers (an .eml file,"
                  + " or the headers copied from the mail program's \"show original\" view)",
              ""));
    }
    if (truncated) {
      findings.add(
          new Finding(
              Severity.WARNING,
              "input.truncated",
              "only the first "
                  + Sizes.text(properties.maxMessageSize())
                  + " of the message were read; the rest was not analysed"
                  + (recheck
                      ? ", and the re-check, which needs the whole message, was skipped"
                      : ""),
              ""));
    }
    Optional<Recheck> recheckView = Optional.empty();
    List<AuthenticationCheck.Recorded> recorded;
    if (recheck && !truncated && message) {
      AuthenticationCheck.Comparison comparison =
          AuthenticationCheck.compare(
              kept, headers, hops, new MessageAuthenticator(dns, clock, "hikyaku.recheck"));
      recorded = comparison.recorded();
      findings.addAll(comparison.findings());
      recheckView = Recheck.of(comparison);
      if (recheckView.map(Recheck::dnsTrouble).orElse(false)) {
        findings.add(
            new Finding(
                Severity.WARNING,
                "auth.dns-unreachable",
                "some DNS lookups of the re-check failed for now (temperror): DNS is unreachable"
                    + " or slow from this server, so the re-check is incomplete",
                ""));
      }
      if (recheckView.isPresent() && headersOnly) {
        findings.add(
            new Finding(
                Severity.INFO,
                "auth.headers-only",
                "only headers were given: a DKIM signature covers the body too and cannot verify"
                    + " without it; upload the whole message (.eml) to re-check DKIM",
                ""));
      }
    } else {
      recorded = AuthenticationCheck.recorded(headers);
    }
    return new HeaderDiagnosisReport(
        new HeaderDiagnosisReport.Input(
            bytesRead, truncated, properties.maxMessageSize().toBytes(), headersOnly),
        hops.hops().stream()
            .map(h -> HopRow.of(h, hops.firstExternalHop().orElse(-1) == h.number()))
            .toList(),
        hops.receivedCount(),
        hops.date(),
        hops.transit().map(Duration::toSeconds),
        hops.sinceDate().map(Duration::toSeconds),
        recorded,
        recheckView,
        SpamVerdicts.read(headers),
        EncodingView.of(encoding),
        findings);
  }
}
