package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.headers.AuthenticationCheck;
import dev.hikyaku.diagnose.headers.Finding;
import dev.hikyaku.diagnose.headers.Severity;
import dev.hikyaku.diagnose.headers.SpamVerdicts;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the header analyzer found in one message: the hop table, the authentication verdicts
 * recorded and re-checked, the spam filters' verdicts, the encoding diagnosis, and the findings.
 *
 * @param input how much of the message was read
 * @param hops the Received fields in transit order, earliest first
 * @param receivedCount how many Received fields the message has, analysed or not
 * @param date the Date field, if it could be read
 * @param transitSeconds seconds from the first to the last hop with a time
 * @param sinceDateSeconds seconds from the Date field to the last hop
 * @param recorded the verdicts in Authentication-Results and ARC-Authentication-Results, top first
 * @param recheck the verdicts now, when the re-check ran
 * @param spamVerdicts the spam filters' verdicts, explained
 * @param encoding the encoding diagnosis
 * @param findings the hop, date, input and re-check findings, the most severe first
 */
public record HeaderDiagnosisReport(
    Input input,
    List<HopRow> hops,
    int receivedCount,
    Optional<OffsetDateTime> date,
    Optional<Long> transitSeconds,
    Optional<Long> sinceDateSeconds,
    List<AuthenticationCheck.Recorded> recorded,
    Optional<Recheck> recheck,
    List<SpamVerdicts.Verdict> spamVerdicts,
    EncodingView encoding,
    List<Finding> findings) {

  public HeaderDiagnosisReport {
    Objects.requireNonNull(input, "input");
    hops = List.copyOf(hops);
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(transitSeconds, "transitSeconds");
    Objects.requireNonNull(sinceDateSeconds, "sinceDateSeconds");
    recorded = List.copyOf(recorded);
    Objects.requireNonNull(recheck, "recheck");
    spamVerdicts = List.copyOf(spamVerdicts);
    Objects.requireNonNull(encoding, "encoding");
    findings =
        findings.stream().sorted(Comparator.comparing(Finding::severity).reversed()).toList();
  }

  /**
   * How much of the message was read.
   *
   * @param bytesRead bytes read
   * @param truncated whether the message went on past the limit and the rest was not read
   * @param limitBytes the limit ({@code hikyaku.diagnosis.max-message-size})
   * @param headersOnly whether only a header block was given, without a body
   */
  public record Input(long bytesRead, boolean truncated, long limitBytes, boolean headersOnly) {}

  /** The worst severity among the findings and the encoding findings, if there are any. */
  public Optional<Severity> worst() {
    return java.util.stream.Stream.concat(
            findings.stream().map(Finding::severity),
            encoding.findings().stream().map(f -> f.severity()))
        .max(Comparator.naturalOrder());
  }

  /** The findings with {@code code}, hop and encoding alike. */
  public List<String> codes() {
    return java.util.stream.Stream.concat(
            findings.stream().map(Finding::code), encoding.findings().stream().map(f -> f.code()))
        .toList();
  }

  /** A hop's delay as a share of the longest delay, 0 to 100, for the bar chart. */
  public int barPercent(HopRow hop) {
    long longest =
        hops.stream()
            .flatMap(h -> h.delaySeconds().stream())
            .mapToLong(Long::longValue)
            .max()
            .orElse(0);
    long delay = hop.delaySeconds().orElse(0L);
    if (longest <= 0 || delay <= 0) {
      return 0;
    }
    return (int) Math.max(1, Math.round(100.0 * delay / longest));
  }

  /** The transit time for people, such as {@code 7m30s}; empty without two timed hops. */
  public String transitText() {
    return transitSeconds.map(HopRow::duration).orElse("");
  }

  /** The time from Date to the last hop for people; empty without both. */
  public String sinceDateText() {
    return sinceDateSeconds.map(HopRow::duration).orElse("");
  }
}
