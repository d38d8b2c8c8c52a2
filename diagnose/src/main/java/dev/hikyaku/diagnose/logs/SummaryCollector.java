package dev.hikyaku.diagnose.logs;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/** The running counts behind a {@link LogSummary}: counters only, never a list of messages. */
final class SummaryCollector {

  private static final int H_RECEIVED = 0;
  private static final int H_DELIVERED = 1;
  private static final int H_DEFERRED = 2;
  private static final int H_BOUNCED = 3;
  private static final int H_REJECTED = 4;
  private static final int H_BYTES_IN = 5;
  private static final int H_BYTES_OUT = 6;
  private static final int D_DELIVERED = 0;
  private static final int D_DEFERRED = 1;
  private static final int D_BOUNCED = 2;
  private static final int D_BYTES = 3;
  private static final int D_DELAY_SUM = 4;
  private static final int D_DELAY_MAX = 5;
  private static final int S_MESSAGES = 0;
  private static final int S_BYTES = 1;

  private long lines;
  private long events;
  private long unrecognised;
  private final long[] skipped = new long[ParsedLine.Reason.values().length];
  private final long[] diagnostics = new long[PostfixEvent.Level.values().length];
  private final MessageCounts totals = new MessageCounts();
  private final Counters<LocalDateTime> hours;
  private final Counters<String> domains;
  private final Counters<String> senders;
  private final Counters<String> deferralReasons;
  private final Counters<String> bounceReasons;
  private final Counters<String> rejectReasons;
  private final Counters<String> deferralDsn;
  private final Counters<String> bounceDsn;

  /** The totals, as plain fields the collector adds to. */
  private static final class MessageCounts {
    long received;
    long delivered;
    long deferrals;
    long deferredMessages;
    long bounced;
    long expired;
    long rejected;
    long rejectWarnings;
    long held;
    long discarded;
    long bytesReceived;
    long bytesDelivered;
    long connections;
    long addressProbes;
  }

  SummaryCollector(int maxKeys) {
    hours = new Counters<>(7, maxKeys);
    domains = new Counters<>(6, maxKeys);
    senders = new Counters<>(2, maxKeys);
    deferralReasons = new Counters<>(1, maxKeys);
    bounceReasons = new Counters<>(1, maxKeys);
    rejectReasons = new Counters<>(1, maxKeys);
    deferralDsn = new Counters<>(1, maxKeys);
    bounceDsn = new Counters<>(1, maxKeys);
  }

  void line() {
    lines++;
  }

  void skipped(ParsedLine.Reason reason) {
    skipped[reason.ordinal()]++;
  }

  /** Counts an event; {@code trace} is its message's trace before the event applies, or null. */
  void record(SyslogHeader header, PostfixEvent event, OpenTrace trace) {
    events++;
    LocalDateTime hour = header.timestamp().toLocalDateTime().truncatedTo(ChronoUnit.HOURS);
    switch (event) {
      case MessageEvent message -> message(hour, message, trace);
      case SessionEvent session -> session(hour, session);
      case ScreenEvent screen -> {}
      case ServiceEvent service -> {}
      case PostfixEvent.Diagnostic diagnostic -> diagnostics[diagnostic.level().ordinal()]++;
      case PostfixEvent.Unrecognised other -> unrecognised++;
    }
  }

  private void message(LocalDateTime hour, MessageEvent event, OpenTrace trace) {
    switch (event) {
      case Delivery delivery -> delivery(hour, delivery, trace);
      case ContentCheck check ->
          action(
              hour,
              check.action(),
              ReasonText.normalize(check.detail().orElse(check.part() + " check")));
      case MessageEvent.ClientAccepted accepted -> received(hour);
      case MessageEvent.Pickup pickup -> received(hour);
      case MessageEvent.Queued queued -> {
        // qmgr logs this again on every retry; count the message once.
        if (trace.size < 0) {
          totals.bytesReceived += queued.size();
          hours.add(hour, H_BYTES_IN, queued.size());
          String sender = queued.sender().isEmpty() ? "<>" : Addresses.canonical(queued.sender());
          senders.add(sender, S_MESSAGES, 1);
          senders.add(sender, S_BYTES, queued.size());
        }
      }
      case MessageEvent.Expired expired -> totals.expired++;
      case MessageEvent.MessageIdAssigned id -> {}
      case MessageEvent.QueueAction action -> {}
      case MessageEvent.BounceNotice notice -> {}
    }
  }

  private void session(LocalDateTime hour, SessionEvent event) {
    switch (event) {
      case Reject reject -> action(hour, reject.action(), ReasonText.rejectReason(reject));
      case SessionEvent.ClientConnected connected -> totals.connections++;
      case TlsEstablished tls -> {}
      case ConnectionTrouble trouble -> {}
      case SessionEvent.ClientDisconnected disconnected -> {}
      case SessionEvent.SaslFailed failed -> {}
      case SessionEvent.ProxyResult proxy -> {}
      case SessionEvent.RemoteReply reply -> {}
      case SessionEvent.PixWorkarounds pix -> {}
      case SessionEvent.EhloKeywordsDiscarded discarded -> {}
    }
  }

  private void received(LocalDateTime hour) {
    totals.received++;
    hours.add(hour, H_RECEIVED, 1);
  }

  /** A reject, hold or discard by smtpd, postscreen, cleanup or a milter. */
  private void action(LocalDateTime hour, String action, String reason) {
    String bare = action.startsWith("milter-") ? action.substring("milter-".length()) : action;
    switch (bare) {
      case "reject" -> {
        totals.rejected++;
        hours.add(hour, H_REJECTED, 1);
        rejectReasons.add(reason, 0, 1);
      }
      case "reject_warning" -> totals.rejectWarnings++;
      case "hold" -> totals.held++;
      case "discard" -> totals.discarded++;
      default -> {}
    }
  }

  private void delivery(LocalDateTime hour, Delivery delivery, OpenTrace trace) {
    String domain = delivery.recipientDomain().orElse("(none)");
    String dsn = delivery.dsn().map(Dsn::toString).orElse("(none)");
    switch (delivery.status()) {
      case SENT -> {
        totals.delivered++;
        hours.add(hour, H_DELIVERED, 1);
        domains.add(domain, D_DELIVERED, 1);
        if (trace != null && trace.size >= 0) {
          totals.bytesDelivered += trace.size;
          hours.add(hour, H_BYTES_OUT, trace.size);
          domains.add(domain, D_BYTES, trace.size);
        }
        long millis = delivery.delay().map(Duration::toMillis).orElse(0L);
        domains.add(domain, D_DELAY_SUM, millis);
        domains.max(domain, D_DELAY_MAX, millis);
      }
      case DEFERRED, SOFTBOUNCE -> {
        totals.deferrals++;
        if (trace != null && !trace.deferred) {
          totals.deferredMessages++;
        }
        hours.add(hour, H_DEFERRED, 1);
        domains.add(domain, D_DEFERRED, 1);
        deferralReasons.add(ReasonText.normalize(delivery.response()), 0, 1);
        deferralDsn.add(dsn, 0, 1);
      }
      case BOUNCED -> {
        totals.bounced++;
        hours.add(hour, H_BOUNCED, 1);
        domains.add(domain, D_BOUNCED, 1);
        bounceReasons.add(ReasonText.normalize(delivery.response()), 0, 1);
        bounceDsn.add(dsn, 0, 1);
      }
      case EXPIRED -> totals.expired++;
      case DELIVERABLE, UNDELIVERABLE, UNDELIVERABLE_BUT_NOT_CACHED -> totals.addressProbes++;
    }
  }

  LogSummary snapshot(int tracesOpen, long tracesEvicted) {
    MessageCounts t = totals;
    var totalsRecord =
        new LogSummary.Totals(
            t.received,
            t.delivered,
            t.deferrals,
            t.deferredMessages,
            t.bounced,
            t.expired,
            t.rejected,
            t.rejectWarnings,
            t.held,
            t.discarded,
            t.bytesReceived,
            t.bytesDelivered,
            t.connections,
            t.addressProbes);
    var input =
        new LogSummary.Input(
            lines,
            events,
            unrecognised,
            skipped[ParsedLine.Reason.NOT_SYSLOG.ordinal()],
            skipped[ParsedLine.Reason.NOT_POSTFIX.ordinal()],
            skipped[ParsedLine.Reason.TOO_LONG.ordinal()],
            tracesEvicted,
            tracesOpen);
    TreeMap<LocalDateTime, LogSummary.Hour> hourly = new TreeMap<>();
    hours
        .rows()
        .forEach((hour, r) ->
            hourly.put(hour, new LogSummary.Hour(r[0], r[1], r[2], r[3], r[4], r[5], r[6])));
    Map<String, LogSummary.Domain> domainTable = new HashMap<>();
    domains.rows().forEach((domain, r) -> domainTable.put(domain, domain(r)));
    long[] otherDomains = domains.overflow();
    if (otherDomains[D_DELIVERED] + otherDomains[D_DEFERRED] + otherDomains[D_BOUNCED] > 0) {
      domainTable.put(LogSummary.OTHER, domain(otherDomains));
    }
    Map<String, LogSummary.Sender> senderTable = new HashMap<>();
    senders
        .rows()
        .forEach((sender, r) -> senderTable.put(sender, new LogSummary.Sender(r[0], r[1])));
    long[] otherSenders = senders.overflow();
    if (otherSenders[S_MESSAGES] > 0) {
      senderTable.put(LogSummary.OTHER, new LogSummary.Sender(otherSenders[0], otherSenders[1]));
    }
    Map<PostfixEvent.Level, Long> levels = new EnumMap<>(PostfixEvent.Level.class);
    for (PostfixEvent.Level level : PostfixEvent.Level.values()) {
      levels.put(level, diagnostics[level.ordinal()]);
    }
    return new LogSummary(
        totalsRecord,
        input,
        hourly,
        domainTable,
        senderTable,
        Tally.of(deferralReasons),
        Tally.of(bounceReasons),
        Tally.of(rejectReasons),
        Tally.of(deferralDsn),
        Tally.of(bounceDsn),
        levels);
  }

  private static LogSummary.Domain domain(long[] r) {
    return new LogSummary.Domain(
        r[D_DELIVERED],
        r[D_DEFERRED],
        r[D_BOUNCED],
        r[D_BYTES],
        Duration.ofMillis(r[D_DELAY_SUM]),
        Duration.ofMillis(r[D_DELAY_MAX]));
  }
}
