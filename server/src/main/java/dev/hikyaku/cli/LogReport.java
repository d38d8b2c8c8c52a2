package dev.hikyaku.cli;

import dev.hikyaku.diagnose.logs.LogSummary;
import dev.hikyaku.diagnose.logs.MessageTrace;
import dev.hikyaku.diagnose.logs.RecipientOutcome;
import dev.hikyaku.diagnose.logs.Tally;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Prints a log summary or message traces as text for {@link LogsCommand}. */
final class LogReport {
  private LogReport() {}

  static void summary(LogSummary s, List<Path> files, PrintWriter out) {
    LogSummary.Totals t = s.totals();
    LogSummary.Input in = s.input();
    out.printf("Postfix log summary: %s%n", files);
    out.printf(
        "  %,d lines, %,d Postfix events, %,d unrecognised, %,d skipped%n%n",
        in.lines(), in.events(), in.unrecognised(), in.skipped());
    out.println("Grand totals");
    out.printf("  %,10d received%n", t.received());
    out.printf("  %,10d delivered%n", t.delivered());
    out.printf("  %,10d deferred (%,d deferrals)%n", t.deferredMessages(), t.deferrals());
    out.printf("  %,10d bounced%n", t.bounced());
    out.printf("  %,10d expired%n", t.expired());
    out.printf("  %,10d rejected%n", t.rejected());
    out.printf(
        "  %,10d bytes received, %,d bytes delivered%n%n", t.bytesReceived(), t.bytesDelivered());
    out.println("Per hour          received  delivered   deferred    bounced   rejected");
    s.hourly()
        .forEach((hour, h) ->
            out.printf(
                "  %-14s %9d %10d %10d %10d %10d%n",
                hour.toString().replace('T', ' '),
                h.received(),
                h.delivered(),
                h.deferred(),
                h.bounced(),
                h.rejected()));
    out.println();
    out.println("Recipient domains (top 10)   delivered   deferred    bounced  avg delay");
    for (Map.Entry<String, LogSummary.Domain> e : s.topRecipientDomains(10)) {
      LogSummary.Domain d = e.getValue();
      out.printf(
          "  %-26s %10d %10d %10d %9.1fs%n",
          e.getKey(),
          d.delivered(),
          d.deferred(),
          d.bounced(),
          d.averageDelay().toMillis() / 1000.0);
    }
    tally(out, "Deferrals by DSN class", s.deferralDsnClasses());
    tally(out, "Deferrals by reason (top 10)", s.deferralReasons());
    tally(out, "Bounces by DSN class", s.bounceDsnClasses());
    tally(out, "Bounces by reason (top 10)", s.bounceReasons());
    tally(out, "Rejects by reason (top 10)", s.rejectReasons());
  }

  private static void tally(PrintWriter out, String title, Tally tally) {
    out.println();
    out.println(title);
    if (tally.total() == 0) {
      out.println("  none");
    }
    for (Map.Entry<String, Long> e : tally.top(10)) {
      out.printf("  %,8d  %s%n", e.getValue(), e.getKey());
    }
  }

  static void traces(List<MessageTrace> traces, PrintWriter out) {
    if (traces.isEmpty()) {
      out.println("no matching message");
    }
    for (MessageTrace trace : traces) {
      out.printf(
          "%s  %s → %s  (%s)%n",
          trace.queueId(),
          trace.firstSeen(),
          trace.lastSeen(),
          trace.end().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
      trace.client().ifPresent(c -> out.println("  client      " + c));
      trace.messageId().ifPresent(m -> out.println("  message-id  <" + m + ">"));
      trace.sender().ifPresent(f -> out.println("  from        <" + f + ">"));
      trace.size().ifPresent(z -> out.println("  size        " + z));
      for (RecipientOutcome r : trace.recipients()) {
        out.printf(
            "  to          <%s>  %s %s via %s, %d attempt(s): %s%n",
            r.recipient(),
            r.status().name().toLowerCase(java.util.Locale.ROOT),
            r.dsn().map(Object::toString).orElse(""),
            r.relay(),
            r.attempts(),
            r.response());
      }
      trace.notificationFor().ifPresent(q -> out.println("  bounce notification for " + q));
      trace.notifications().forEach(q -> out.println("  bounce notification: " + q));
      trace.notes().forEach(n -> out.println("  note        " + n));
      out.println();
    }
  }
}
