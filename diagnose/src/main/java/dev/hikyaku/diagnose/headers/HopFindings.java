package dev.hikyaku.diagnose.headers;

import dev.hikyaku.diagnose.Excerpt;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the findings of one hop analysis; each code is stable for translation. */
final class HopFindings {

  /** RFC 5321 §6.3: a loop may be assumed beyond 100 Received fields. */
  static final int LOOP_LIMIT = 100;

  private final HopThresholds thresholds;
  private final Instant now;
  private final List<Finding> findings = new ArrayList<>();

  HopFindings(HopThresholds thresholds, Instant now) {
    this.thresholds = thresholds;
    this.now = now;
  }

  List<Finding> all() {
    return findings;
  }

  void headersTruncated(int limit) {
    add(
        Severity.WARNING,
        "headers.truncated",
        "the header block is longer than " + limit + " bytes; only the start was read",
        "header");
  }

  void receivedCount(int count, int analysed) {
    if (count == 0) {
      add(
          Severity.INFO,
          "received.none",
          "no Received fields: the message did not pass through SMTP servers, or they were removed",
          "Received");
    }
    if (count > LOOP_LIMIT) {
      add(
          Severity.PROBLEM,
          "received.loop",
          count
              + " Received fields: more than "
              + LOOP_LIMIT
              + " means a mail loop"
              + " (RFC 5321 §6.3)",
          "Received");
    }
    if (count > analysed) {
      add(
          Severity.INFO,
          "received.truncated",
          "only the " + analysed + " Received fields nearest the recipient were analysed",
          "Received");
    }
  }

  void hop(Hop hop) {
    ReceivedField field = hop.received();
    String where = hop.where();
    if (field.unreadable()) {
      add(
          Severity.WARNING,
          "received.unparseable",
          "the Received field could not be read" + problems(field),
          where);
    } else if (!field.problems().isEmpty()) {
      add(
          Severity.INFO,
          "received.malformed",
          "the Received field is malformed" + problems(field),
          where);
    }
    hop.delay().ifPresent(delay -> delay(hop, delay));
    if (hop.internetPath() && !field.encrypted()) {
      add(
          Severity.WARNING,
          "hop.no-tls",
          "the hop "
              + path(field)
              + " crossed the internet without TLS"
              + field.with().map(w -> " (with " + w + ")").orElse(""),
          where);
    }
    field
        .tls()
        .filter(TlsInfo::outdated)
        .ifPresent(tls ->
            add(
                Severity.WARNING,
                "hop.tls-outdated",
                "the hop "
                    + path(field)
                    + " used "
                    + tls.version().orElseThrow()
                    + ", deprecated by RFC 8996",
                where));
  }

  private void delay(Hop hop, Duration delay) {
    String where = hop.where();
    if (delay.isNegative()) {
      add(
          Severity.WARNING,
          "hop.clock-skew",
          "hop "
              + hop.number()
              + " is stamped "
              + Durations.describe(delay.negated())
              + " before the hop preceding it: a clock on one of the hosts is wrong",
          where);
    } else if (delay.compareTo(thresholds.verySlowHop()) > 0) {
      add(Severity.PROBLEM, "hop.delay", slow(hop, delay), where);
    } else if (delay.compareTo(thresholds.slowHop()) > 0) {
      add(Severity.WARNING, "hop.delay", slow(hop, delay), where);
    }
  }

  private static String slow(Hop hop, Duration delay) {
    return "the hop " + path(hop.received()) + " took " + Durations.describe(delay);
  }

  void date(int count, Optional<DateParse> parse, Optional<OffsetDateTime> firstHop) {
    if (parse.isEmpty()) {
      add(
          Severity.WARNING,
          "date.missing",
          "no Date field, which RFC 5322 §3.6 requires; the receiver may have added one",
          "Date");
      return;
    }
    if (count > 1) {
      add(
          Severity.WARNING,
          "date.repeated",
          count + " Date fields; RFC 5322 §3.6 allows one",
          "Date");
    }
    switch (parse.get()) {
      case DateParse.Invalid invalid ->
          add(
              Severity.WARNING,
              "date.invalid",
              "the Date field cannot be read: " + invalid.problem(),
              "Date");
      case DateParse.Parsed parsed -> dateTime(parsed.value(), firstHop);
    }
  }

  private void dateTime(OffsetDateTime date, Optional<OffsetDateTime> firstHop) {
    Duration ahead = Duration.between(now, date.toInstant());
    if (ahead.compareTo(thresholds.dateTolerance()) > 0) {
      add(
          Severity.WARNING,
          "date.future",
          "the Date field is " + Durations.describe(ahead) + " in the future",
          "Date");
    }
    firstHop
        .map(hop -> Duration.between(hop, date))
        .filter(after -> after.compareTo(thresholds.dateTolerance()) > 0)
        .ifPresent(after ->
            add(
                Severity.WARNING,
                "date.after-first-hop",
                "the Date field is "
                    + Durations.describe(after)
                    + " later than the first Received time: the sender's clock is probably"
                    + " wrong",
                "Date"));
  }

  /** {@code from a.example to b.example}, with what is known of both ends. */
  static String path(ReceivedField field) {
    String from =
        field
            .fromHostName()
            .or(field::from)
            .map(f -> Excerpt.of(f, 80))
            .orElse(field.fromAddress().orElse("?"));
    String address =
        field.fromAddress().filter(a -> !a.equals(from)).map(a -> " [" + a + "]").orElse("");
    return "from " + from + address + " to " + field.by().map(b -> Excerpt.of(b, 80)).orElse("?");
  }

  private static String problems(ReceivedField field) {
    return field.problems().isEmpty()
        ? ""
        : ": "
            + String.join("; ", field.problems().subList(0, Math.min(3, field.problems().size())));
  }

  private void add(Severity severity, String code, String message, String where) {
    findings.add(new Finding(severity, code, message, where));
  }
}
