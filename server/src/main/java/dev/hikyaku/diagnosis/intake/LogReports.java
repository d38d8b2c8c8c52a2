package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.logs.LogSummary;
import dev.hikyaku.diagnose.logs.MessageTrace;
import dev.hikyaku.diagnose.logs.RecipientOutcome;
import dev.hikyaku.diagnose.logs.Tally;
import dev.hikyaku.diagnosis.intake.LogSection.Count;
import dev.hikyaku.diagnosis.intake.LogSection.TraceRecipient;
import dev.hikyaku.diagnosis.intake.LogSection.TraceRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Turns the log analyzer's summary, signals and traces into the report's section and findings. */
final class LogReports {

  /** Reasons shown per table. */
  private static final int TOP = 10;

  private LogReports() {}

  static LogFacts of(
      List<String> files,
      LogSummary summary,
      LogSignals signals,
      List<String> targets,
      List<MessageTrace> traces,
      int omitted) {
    LogSummary.Totals t = summary.totals();
    LogSection section =
        new LogSection(
            true,
            files,
            summary.input().lines(),
            summary.input().events(),
            t.received(),
            t.delivered(),
            t.deferrals(),
            t.bounced(),
            t.rejected(),
            top(summary.bounceReasons()),
            top(summary.deferralReasons()),
            top(summary.bounceDsn()),
            signals.tlsFailures(),
            signals.dnsFailures(),
            signals.connectFailures(),
            targets,
            traces.stream().map(LogReports::trace).toList(),
            omitted);
    return new LogFacts(section, findings(section, traces), LogAnalysis.bounced(traces));
  }

  private static List<ReportFinding> findings(LogSection s, List<MessageTrace> traces) {
    List<ReportFinding> out = new ArrayList<>();
    String where = String.join(", ", s.files());
    if (s.tlsFailures() > 0) {
      out.add(
          new ReportFinding(
              "logs",
              "PROBLEM",
              "log.tls-failures",
              s.tlsFailures() + " TLS failures of outbound connections",
              where));
    }
    if (s.dnsFailures() > 0) {
      out.add(
          new ReportFinding(
              "logs",
              "PROBLEM",
              "log.dns-failures",
              s.dnsFailures() + " deliveries failed on a temporary DNS error",
              where));
    }
    if (s.connectFailures() > 0) {
      out.add(
          new ReportFinding(
              "logs",
              "WARNING",
              "log.connect-failures",
              s.connectFailures() + " outbound connections failed",
              where));
    }
    if (s.bounced() > 0) {
      out.add(
          new ReportFinding(
              "logs", "WARNING", "log.bounced", s.bounced() + " recipients bounced", where));
    }
    if (s.deferred() > 0) {
      out.add(
          new ReportFinding(
              "logs", "INFO", "log.deferred", s.deferred() + " delivery attempts deferred", where));
    }
    if (!s.traceTargets().isEmpty() && traces.isEmpty()) {
      out.add(
          new ReportFinding(
              "logs",
              "INFO",
              "log.trace-not-found",
              "no message in the logs matches " + String.join(", ", s.traceTargets()),
              where));
    }
    for (MessageTrace trace : traces) {
      for (RecipientOutcome r : trace.recipients()) {
        String status = r.status().logName();
        if (!status.equals("sent") && !status.equals("deliverable")) {
          out.add(
              new ReportFinding(
                  "logs",
                  status.equals("deferred") ? "WARNING" : "PROBLEM",
                  "log.recipient-" + status.toLowerCase(Locale.ROOT),
                  r.recipient()
                      + ": "
                      + status
                      + r.dsn().map(d -> " " + d).orElse("")
                      + " ("
                      + r.response()
                      + ")",
                  "queue " + trace.queueId().value()));
        }
      }
    }
    return out;
  }

  private static List<Count> top(Tally tally) {
    return tally.top(TOP).stream().map(e -> new Count(e.getKey(), e.getValue())).toList();
  }

  private static TraceRow trace(MessageTrace t) {
    return new TraceRow(
        t.queueId().value(),
        t.messageId().orElse(""),
        t.sender().orElse(""),
        t.client().map(Object::toString).orElse(""),
        t.firstSeen().toString(),
        t.lastSeen().toString(),
        t.end().name(),
        t.recipients().stream()
            .map(r ->
                new TraceRecipient(
                    r.recipient(),
                    r.status().logName(),
                    r.dsn().map(Object::toString).orElse(""),
                    r.relay().toString(),
                    r.response(),
                    r.attempts()))
            .toList(),
        t.notes());
  }
}
