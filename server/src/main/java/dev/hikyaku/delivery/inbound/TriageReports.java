package dev.hikyaku.delivery.inbound;

import dev.hikyaku.diagnose.bounce.AutoReply;
import dev.hikyaku.diagnose.bounce.BounceParser;
import dev.hikyaku.diagnose.bounce.BounceResult;
import dev.hikyaku.diagnose.bounce.ComplaintReport;
import dev.hikyaku.diagnose.bounce.DeliveryStatusReport;
import dev.hikyaku.diagnose.bounce.DiagnosticCode;
import dev.hikyaku.diagnose.bounce.DsnAction;
import dev.hikyaku.diagnose.bounce.NotABounce;
import dev.hikyaku.diagnose.bounce.RecipientStatus;
import dev.hikyaku.diagnose.bounce.TypedValue;
import dev.hikyaku.diagnose.bounce.Unparseable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a message received for a delivery token means for that delivery: parsed with {@link
 * BounceParser}, a failed report entry of the HARD class bounces it (the address is suppressed),
 * other failures and delays are only recorded, a complaint suppresses, mail to the unsubscribe
 * address unsubscribes whatever it says, anything else is kept and does nothing.
 *
 * <p>The report's own recipient address is not used: forwarding and aliases make it differ from
 * ours, and the token already names the delivery exactly. Pure and thread-safe.
 */
final class TriageReports {

  /** At most this many report entries are recorded per message; a report may list hundreds. */
  static final int MAX_ENTRIES = 10;

  private final BounceParser parser;

  TriageReports(BounceParser parser) {
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /** The verdict on {@code message}, received for {@code recipient}; never throws for bad input. */
  Triage triage(InboundRecipient recipient, byte[] message) {
    return switch (recipient) {
      // RFC 2369 §3.2: the mailto of List-Unsubscribe is the request; its content is free-form.
      case InboundRecipient.Unsubscribe u ->
          new Triage(
              Verdict.UNSUBSCRIBE,
              "unsubscribe by mail to " + u.address(),
              List.of(
                  new IntakeEffect.Record("UNSUBSCRIBED", null, "", "mail to " + u.address(), ""),
                  new IntakeEffect.Unsubscribe("mailto unsubscribe (RFC 2369)")));
      case InboundRecipient.Bounce b -> report(parser.parse(message));
    };
  }

  private static Triage report(BounceResult result) {
    return switch (result) {
      case DeliveryStatusReport r -> status(r);
      case ComplaintReport c -> complaint(c);
      case AutoReply a ->
          new Triage(
              Verdict.AUTO_REPLY,
              "auto-reply (" + a.signal() + ")" + a.subject().map(s -> ": " + s).orElse(""),
              List.of());
      case NotABounce n ->
          new Triage(
              Verdict.OTHER, "not a report" + n.subject().map(s -> ": " + s).orElse(""), List.of());
      case Unparseable u ->
          new Triage(Verdict.UNPARSEABLE, "unparseable: " + u.reason(), List.of());
    };
  }

  private static Triage status(DeliveryStatusReport report) {
    List<RecipientStatus> failures =
        report.recipients().stream().filter(r -> r.action().isFailure()).toList();
    if (failures.isEmpty()) {
      return new Triage(
          Verdict.OTHER,
          "delivery report without a failure (" + report.recipients().getFirst().action() + ")",
          List.of());
    }
    String reportingMta = report.reportingMta().map(TypedValue::value).orElse("");
    List<IntakeEffect> effects = new ArrayList<>();
    for (RecipientStatus entry : failures.subList(0, Math.min(failures.size(), MAX_ENTRIES))) {
      effects.add(
          new IntakeEffect.Record(
              outcome(entry),
              code(entry),
              enhanced(entry),
              reply(entry),
              entry.remoteMta().map(TypedValue::value).orElse(reportingMta)));
    }
    Optional<RecipientStatus> hard =
        failures.stream().filter(RecipientStatus::suppresses).findFirst();
    Verdict verdict;
    RecipientStatus shown;
    if (hard.isPresent()) {
      shown = hard.get();
      verdict = Verdict.HARD_BOUNCE;
      effects.add(new IntakeEffect.Bounce(code(shown), reply(shown)));
    } else {
      Optional<RecipientStatus> failed =
          failures.stream().filter(r -> r.action() == DsnAction.FAILED).findFirst();
      shown = failed.orElse(failures.getFirst());
      verdict = failed.isPresent() ? Verdict.SOFT_BOUNCE : Verdict.DELAYED;
    }
    String more = failures.size() > 1 ? " (+" + (failures.size() - 1) + " more entries)" : "";
    return new Triage(
        verdict,
        shown.action().name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + (enhanced(shown).isEmpty() ? "" : enhanced(shown) + " ")
            + shown.bounceClass()
            + ": "
            + reply(shown)
            + more,
        effects);
  }

  private static Triage complaint(ComplaintReport report) {
    String type = report.feedbackType().token();
    String by =
        report.userAgent().or(() -> report.reportingMta().map(TypedValue::value)).orElse("");
    String text = "feedback report: " + type + (by.isEmpty() ? "" : " from " + by);
    String host = report.reportingMta().map(TypedValue::value).orElse("");
    if (!report.suppresses()) {
      return new Triage(
          Verdict.FEEDBACK,
          text,
          List.of(new IntakeEffect.Record("FEEDBACK", null, "", text, host)));
    }
    return new Triage(
        Verdict.COMPLAINT,
        text,
        List.of(
            new IntakeEffect.Record("COMPLAINED", null, "", text, host),
            new IntakeEffect.Complaint(type)));
  }

  private static String outcome(RecipientStatus entry) {
    if (entry.action() == DsnAction.DELAYED) {
      return "DELAYED";
    }
    return entry.suppresses() ? "BOUNCED" : "FAILED";
  }

  private static Integer code(RecipientStatus entry) {
    return entry
        .diagnosticCode()
        .map(DiagnosticCode::replyCode)
        .filter(c -> c.isPresent())
        .map(c -> c.getAsInt())
        .orElse(null);
  }

  private static String enhanced(RecipientStatus entry) {
    return entry.status().map(Object::toString).orElse("");
  }

  private static String reply(RecipientStatus entry) {
    return entry
        .diagnosticCode()
        .map(DiagnosticCode::text)
        .filter(t -> !t.isBlank())
        .orElse(
            entry.action().name().toLowerCase(java.util.Locale.ROOT) + ", " + entry.bounceClass());
  }
}
