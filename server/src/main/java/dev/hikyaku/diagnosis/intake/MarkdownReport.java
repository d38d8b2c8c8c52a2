package dev.hikyaku.diagnosis.intake;

import static dev.hikyaku.diagnosis.intake.MarkdownWriter.fence;
import static dev.hikyaku.diagnosis.intake.MarkdownWriter.inline;

import dev.hikyaku.diagnosis.intake.LogSection.Count;
import dev.hikyaku.diagnosis.intake.ReportView.AnswerGroup;
import dev.hikyaku.diagnosis.intake.ReportView.AnswerView;
import dev.hikyaku.diagnosis.intake.ReportView.FindingView;
import dev.hikyaku.diagnosis.intake.ReportView.VoteView;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a report view as Markdown for handing over (to a partner, a vendor, a ticket): headings
 * and labels in the report's language, tables for hops, findings and traces, the header block as a
 * code block. It leaves out who filed it; the text is the redacted report.
 */
final class MarkdownReport {

  private final MarkdownWriter md;

  private MarkdownReport(MarkdownWriter md) {
    this.md = md;
  }

  static String render(ReportView view, ReportViews views) {
    MarkdownWriter md = new MarkdownWriter(views, Locale.forLanguageTag(view.lang()));
    new MarkdownReport(md).write(view);
    return md.toString();
  }

  private void write(ReportView v) {
    md.line("# " + md.label("intake.report.title", v.id()) + ": " + inline(v.summary()));
    md.line("");
    md.line("- " + md.label("intake.report.kind") + ": " + v.kind().label());
    md.line("- " + md.label("intake.report.filedAt") + ": " + v.filedAt());
    md.line(
        "- "
            + md.label("intake.report.place")
            + ": **"
            + v.place().label()
            + "** — "
            + inline(v.place().explanation()));
    for (VoteView vote : v.place().votes()) {
      md.line(
          "  - "
              + vote.place()
              + " ("
              + md.label("intake.report.weight", vote.weight())
              + "): "
              + inline(vote.text()));
    }
    md.line("- " + md.label("intake.report.redaction") + ": " + inline(v.redaction().text()));
    md.section(md.label("intake.report.answers"));
    for (AnswerGroup group : v.answers()) {
      md.line("### " + group.title());
      md.line("");
      for (AnswerView a : group.answers()) {
        md.line("- **" + a.question() + "**: " + inline(a.text()));
      }
      md.line("");
    }
    md.section(md.label("intake.report.findings"));
    if (v.findings().isEmpty()) {
      md.line(md.label("intake.report.noFindings"));
    } else {
      md.table(
          List.of(
              "intake.report.severity",
              "intake.report.finding",
              "intake.report.detail",
              "intake.report.where"),
          v.findings(),
          (FindingView f) ->
              List.of(
                  md.label("intake.severity." + f.severity()),
                  f.title() + " (`" + f.code() + "`)",
                  f.detail(),
                  f.where()));
    }
    message(v.message());
    logs(v.logs());
  }

  private void message(MessageSection m) {
    md.section(md.label("intake.report.message"));
    if (!m.present()) {
      md.line(md.label("intake.report.noMessage"));
      return;
    }
    md.line("- " + md.label("intake.report.subject") + ": " + inline(m.subject()));
    md.line("- " + md.label("intake.report.from") + ": " + inline(m.from()));
    md.line("- " + md.label("intake.report.messageId") + ": " + inline(m.messageId()));
    md.line("- " + md.label("intake.report.date") + ": " + inline(m.date()));
    if (m.transitSeconds() >= 0) {
      md.line("- " + md.label("intake.report.transit", m.transitSeconds()));
    }
    if (m.firstExternalHop() > 0) {
      md.line("- " + md.label("intake.report.firstExternal", m.firstExternalHop()));
    }
    if (!m.hops().isEmpty()) {
      md.subsection(md.label("intake.report.hops"));
      md.table(
          List.of(
              "intake.report.hop.number",
              "intake.report.hop.from",
              "intake.report.hop.by",
              "intake.report.hop.with",
              "intake.report.hop.tls",
              "intake.report.hop.time",
              "intake.report.hop.delay"),
          m.hops(),
          h ->
              List.of(
                  Integer.toString(h.number()),
                  h.from(),
                  h.by(),
                  h.with(),
                  h.tls(),
                  h.time(),
                  h.delaySeconds() < 0 ? "" : h.delaySeconds() + " s"));
    }
    if (!m.authentication().isEmpty()) {
      md.subsection(md.label("intake.report.auth"));
      md.table(
          List.of(
              "intake.report.auth.authserv",
              "intake.report.auth.method",
              "intake.report.auth.result"),
          m.authentication(),
          a ->
              List.of(
                  a.authservId(),
                  a.method(),
                  a.result() + (a.reason().isEmpty() ? "" : " (" + a.reason() + ")")));
    }
    if (!m.bounce().isEmpty()) {
      md.subsection(md.label("intake.report.bounce"));
      md.table(
          List.of(
              "intake.report.bounce.recipient",
              "intake.report.bounce.status",
              "intake.report.bounce.diagnostic",
              "intake.report.bounce.remoteMta"),
          m.bounce(),
          b ->
              List.of(b.recipient(), b.action() + " " + b.status(), b.diagnostic(), b.remoteMta()));
    }
    if (!m.parts().isEmpty()) {
      md.subsection(md.label("intake.report.parts"));
      md.table(
          List.of(
              "intake.report.part.where",
              "intake.report.part.type",
              "intake.report.part.declared",
              "intake.report.part.detected"),
          m.parts(),
          p -> List.of(p.where(), p.contentType(), p.declaredCharset(), p.detectedCharset()));
    }
    md.subsection(md.label("intake.report.headerBlock"));
    String fence = fence(m.headerBlock());
    md.line(fence + "text");
    md.raw(m.headerBlock().endsWith("\n") ? m.headerBlock() : m.headerBlock() + "\n");
    md.line(fence);
  }

  private void logs(LogSection s) {
    md.section(md.label("intake.report.logs"));
    if (!s.present()) {
      md.line(md.label("intake.report.noLog"));
      return;
    }
    md.line(
        "- " + md.label("intake.report.logs.files") + ": " + inline(String.join(", ", s.files())));
    md.line(
        "- "
            + md.label(
                "intake.report.logs.totals",
                s.lines(),
                s.postfixLines(),
                s.received(),
                s.delivered(),
                s.deferred(),
                s.bounced(),
                s.rejected()));
    md.line(
        "- "
            + md.label(
                "intake.report.logs.signals",
                s.tlsFailures(),
                s.dnsFailures(),
                s.connectFailures()));
    counts("intake.report.bounceReasons", "intake.report.reason", s.bounceReasons());
    counts("intake.report.deferralReasons", "intake.report.reason", s.deferralReasons());
    counts("intake.report.bounceCodes", "intake.report.statusCode", s.bounceCodes());
    if (!s.traceTargets().isEmpty()) {
      md.subsection(md.label("intake.report.traces"));
      md.line(
          md.label("intake.report.traceTargets")
              + ": "
              + inline(String.join(", ", s.traceTargets())));
      md.line("");
      for (LogSection.TraceRow t : s.traces()) {
        List<String> about = new ArrayList<>();
        if (!t.messageId().isEmpty()) {
          about.add(inline(t.messageId()));
        }
        if (!t.sender().isEmpty()) {
          about.add(md.label("intake.report.trace.sender") + " " + inline(t.sender()));
        }
        if (!t.client().isEmpty()) {
          about.add(inline(t.client()));
        }
        about.add(t.firstSeen() + " – " + t.lastSeen() + " (" + t.end() + ")");
        md.line(
            "**"
                + md.label("intake.report.trace.queue")
                + " "
                + t.queueId()
                + "** — "
                + String.join(", ", about));
        md.line("");
        md.table(
            List.of(
                "intake.report.trace.recipient",
                "intake.report.trace.status",
                "intake.report.trace.relay",
                "intake.report.trace.response"),
            t.recipients(),
            r -> List.of(r.recipient(), r.status() + " " + r.dsn(), r.relay(), r.response()));
      }
      if (s.tracesOmitted() > 0) {
        md.line(md.label("intake.report.tracesOmitted", s.tracesOmitted()));
      }
    }
  }

  private void counts(String title, String heading, List<Count> counts) {
    if (counts.isEmpty()) {
      return;
    }
    md.subsection(md.label(title));
    md.table(
        List.of(heading, "intake.report.count"),
        counts,
        c -> List.of(c.key(), Long.toString(c.count())));
  }
}
