package dev.hikyaku.diagnose.logs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A pflogsumm-like summary of a Postfix log: totals, traffic per hour and per recipient domain,
 * senders, and deferrals, bounces and rejects by reason and by DSN code.
 *
 * <p>Tables hold at most {@link AnalyzerLimits#maxDistinctKeys()} keys; the domain and sender
 * tables add the rest up under {@link #OTHER}, the reason tallies as overflow. Hours beyond the
 * limit are left out of the hourly table (the totals still count them).
 *
 * @param totals what happened to messages
 * @param input how much of the input was read as what
 * @param hourly traffic per hour, by the local time logged
 * @param recipientDomains deliveries per recipient domain
 * @param senders messages and bytes per envelope sender ({@code <>} for the null sender)
 * @param deferralReasons deferrals by reason
 * @param bounceReasons bounces by reason
 * @param rejectReasons rejects by reason
 * @param deferralDsn deferrals by enhanced status code
 * @param bounceDsn bounces by enhanced status code
 * @param diagnostics warnings, errors, fatal errors and panics
 */
public record LogSummary(
    Totals totals,
    Input input,
    SortedMap<LocalDateTime, Hour> hourly,
    Map<String, Domain> recipientDomains,
    Map<String, Sender> senders,
    Tally deferralReasons,
    Tally bounceReasons,
    Tally rejectReasons,
    Tally deferralDsn,
    Tally bounceDsn,
    Map<PostfixEvent.Level, Long> diagnostics) {

  /** The key under which domains and senders beyond the limit are added up. */
  public static final String OTHER = "(other)";

  public LogSummary {
    Objects.requireNonNull(totals, "totals");
    Objects.requireNonNull(input, "input");
    hourly = Collections.unmodifiableSortedMap(new TreeMap<>(hourly));
    recipientDomains = Map.copyOf(recipientDomains);
    senders = Map.copyOf(senders);
    Objects.requireNonNull(deferralReasons, "deferralReasons");
    Objects.requireNonNull(bounceReasons, "bounceReasons");
    Objects.requireNonNull(rejectReasons, "rejectReasons");
    Objects.requireNonNull(deferralDsn, "deferralDsn");
    Objects.requireNonNull(bounceDsn, "bounceDsn");
    diagnostics = Map.copyOf(diagnostics);
  }

  /**
   * What happened to messages. Deliveries, deferrals and bounces count recipients; {@code
   * deferredMessages} counts messages deferred at least once.
   *
   * @param received messages received by smtpd or pickup
   * @param delivered recipients delivered
   * @param deferrals delivery attempts deferred
   * @param deferredMessages messages deferred at least once
   * @param bounced recipients bounced
   * @param expired messages returned after {@code maximal_queue_lifetime}
   * @param rejected commands and messages rejected (smtpd, postscreen, cleanup, milters)
   * @param rejectWarnings {@code reject_warning} actions
   * @param held messages put on hold by a check
   * @param discarded messages discarded by a check
   * @param bytesReceived bytes of messages queued
   * @param bytesDelivered bytes delivered, once per recipient
   * @param connections smtpd connections
   * @param addressProbes address verification probes ({@code deliverable}, {@code undeliverable})
   */
  public record Totals(
      long received,
      long delivered,
      long deferrals,
      long deferredMessages,
      long bounced,
      long expired,
      long rejected,
      long rejectWarnings,
      long held,
      long discarded,
      long bytesReceived,
      long bytesDelivered,
      long connections,
      long addressProbes) {
    public Totals {
      requireNonNegative(
          received,
          delivered,
          deferrals,
          deferredMessages,
          bounced,
          expired,
          rejected,
          rejectWarnings,
          held,
          discarded,
          bytesReceived,
          bytesDelivered,
          connections,
          addressProbes);
    }
  }

  /**
   * How the input was read.
   *
   * @param lines lines read
   * @param events Postfix events parsed
   * @param unrecognised Postfix lines of no known kind
   * @param notSyslog lines skipped as not syslog (garbage, truncated)
   * @param notPostfix syslog lines of other programs
   * @param tooLong lines skipped for their length
   * @param tracesEvicted traces dropped to stay within the limit
   * @param tracesOpen traces still open
   */
  public record Input(
      long lines,
      long events,
      long unrecognised,
      long notSyslog,
      long notPostfix,
      long tooLong,
      long tracesEvicted,
      int tracesOpen) {

    public Input {
      requireNonNegative(
          lines, events, unrecognised, notSyslog, notPostfix, tooLong, tracesEvicted, tracesOpen);
    }

    /** Lines skipped for any reason. */
    public long skipped() {
      return notSyslog + notPostfix + tooLong;
    }
  }

  /**
   * Traffic in one hour.
   *
   * @param received messages received
   * @param delivered recipients delivered
   * @param deferred attempts deferred
   * @param bounced recipients bounced
   * @param rejected rejects
   * @param bytesReceived bytes queued
   * @param bytesDelivered bytes delivered
   */
  public record Hour(
      long received,
      long delivered,
      long deferred,
      long bounced,
      long rejected,
      long bytesReceived,
      long bytesDelivered) {
    public Hour {
      requireNonNegative(
          received, delivered, deferred, bounced, rejected, bytesReceived, bytesDelivered);
    }
  }

  /**
   * Deliveries to one recipient domain.
   *
   * @param delivered recipients delivered
   * @param deferred attempts deferred
   * @param bounced recipients bounced
   * @param bytesDelivered bytes delivered
   * @param totalDelay the sum of {@code delay=} over the deliveries
   * @param maxDelay the longest {@code delay=} of a delivery
   */
  public record Domain(
      long delivered,
      long deferred,
      long bounced,
      long bytesDelivered,
      Duration totalDelay,
      Duration maxDelay) {

    public Domain {
      requireNonNegative(delivered, deferred, bounced, bytesDelivered);
      Objects.requireNonNull(totalDelay, "totalDelay");
      Objects.requireNonNull(maxDelay, "maxDelay");
    }

    /** The mean {@code delay=} of the deliveries, or zero if there were none. */
    public Duration averageDelay() {
      return delivered == 0 ? Duration.ZERO : totalDelay.dividedBy(delivered);
    }
  }

  /**
   * Messages from one envelope sender.
   *
   * @param messages messages queued
   * @param bytes their bytes
   */
  public record Sender(long messages, long bytes) {
    public Sender {
      requireNonNegative(messages, bytes);
    }
  }

  /** The {@code n} senders with the most messages, most first. */
  public List<Map.Entry<String, Sender>> topSenders(int n) {
    return top(senders, Comparator.comparingLong(Sender::messages), n);
  }

  /** The {@code n} recipient domains with the most deliveries, most first. */
  public List<Map.Entry<String, Domain>> topRecipientDomains(int n) {
    return top(recipientDomains, Comparator.comparingLong(Domain::delivered), n);
  }

  /** Deferrals by DSN class ({@code 4.x.x}). */
  public Tally deferralDsnClasses() {
    return deferralDsn.regroup(LogSummary::dsnClass);
  }

  /** Bounces by DSN class ({@code 5.x.x}). */
  public Tally bounceDsnClasses() {
    return bounceDsn.regroup(LogSummary::dsnClass);
  }

  private static void requireNonNegative(long... counts) {
    for (long count : counts) {
      if (count < 0) {
        throw new IllegalArgumentException("counts cannot be negative");
      }
    }
  }

  private static String dsnClass(String code) {
    return Dsn.parse(code).map(Dsn::classPattern).orElse(code);
  }

  private static <V> List<Map.Entry<String, V>> top(
      Map<String, V> table, Comparator<V> order, int n) {
    return table.entrySet().stream()
        .sorted(
            Map.Entry.<String, V>comparingByValue(order.reversed())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .toList();
  }
}
