package dev.hikyaku.diagnose.headers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The hop table of one message and what the analysis found in it.
 *
 * @param hops the Received fields analysed, in transit order (the bottom-most first)
 * @param receivedCount how many Received fields the message has, analysed or not
 * @param date the Date field's value, if there is one that could be read
 * @param transit the time from the first to the last hop with a time; empty with fewer than two
 * @param sinceDate the time from the Date field to the last hop with a time
 * @param firstExternalHop the number of the first hop outside the sender's organisation
 * @param findings what was found, hop by hop and then about the message as a whole
 */
public record HopReport(
    List<Hop> hops,
    int receivedCount,
    Optional<OffsetDateTime> date,
    Optional<Duration> transit,
    Optional<Duration> sinceDate,
    OptionalInt firstExternalHop,
    List<Finding> findings) {

  public HopReport {
    hops = List.copyOf(hops);
    Objects.requireNonNull(date, "date");
    Objects.requireNonNull(transit, "transit");
    Objects.requireNonNull(sinceDate, "sinceDate");
    Objects.requireNonNull(firstExternalHop, "firstExternalHop");
    findings = List.copyOf(findings);
    if (receivedCount < hops.size()) {
      throw new IllegalArgumentException("fewer Received fields than hops");
    }
  }

  /** The worst severity among the findings, if there are any. */
  public Optional<Severity> worst() {
    return findings.stream().map(Finding::severity).max(Comparator.naturalOrder());
  }

  /** The findings with {@code code}, in order. */
  public List<Finding> withCode(String code) {
    return findings.stream().filter(f -> f.code().equals(code)).toList();
  }
}
