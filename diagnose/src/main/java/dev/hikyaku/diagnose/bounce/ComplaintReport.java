package dev.hikyaku.diagnose.bounce;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A feedback-loop report in the Abuse Reporting Format (RFC 5965): a mailbox provider telling that
 * a recipient complained about a message.
 *
 * @param feedbackType the Feedback-Type (§3.1); an unregistered one is read as {@link
 *     FeedbackType#OTHER} with a problem noted
 * @param userAgent the User-Agent: the software that made the report (§3.1)
 * @param originalMailFrom the Original-Mail-From: the envelope sender of the reported message,
 *     without angle brackets — for Hikyaku the VERP address (§3.2)
 * @param originalRecipients the Original-Rcpt-To fields, without angle brackets (§3.2); providers
 *     often leave them out or redact them
 * @param arrivalDate the Arrival-Date (§3.2)
 * @param reportingMta the Reporting-MTA (§3.2)
 * @param sourceIp the Source-IP: where the reported message came from (§3.2)
 * @param original the reported message's header fields, from the third part
 * @param problems what was malformed or missing; empty for a clean report
 */
public record ComplaintReport(
    FeedbackType feedbackType,
    Optional<String> userAgent,
    Optional<String> originalMailFrom,
    List<String> originalRecipients,
    Optional<OffsetDateTime> arrivalDate,
    Optional<TypedValue> reportingMta,
    Optional<String> sourceIp,
    Optional<OriginalMessage> original,
    List<String> problems)
    implements BounceResult {

  public ComplaintReport {
    Objects.requireNonNull(feedbackType, "feedbackType");
    Objects.requireNonNull(userAgent, "userAgent");
    Objects.requireNonNull(originalMailFrom, "originalMailFrom");
    Objects.requireNonNull(arrivalDate, "arrivalDate");
    Objects.requireNonNull(reportingMta, "reportingMta");
    Objects.requireNonNull(sourceIp, "sourceIp");
    Objects.requireNonNull(original, "original");
    originalRecipients = List.copyOf(originalRecipients);
    problems = List.copyOf(problems);
  }

  /** Whether the recipient must be suppressed: see {@link FeedbackType#isComplaint()}. */
  public boolean suppresses() {
    return feedbackType.isComplaint();
  }

  /** The Message-ID of the reported message, when the report returned its header. */
  public Optional<String> originalMessageId() {
    return original.flatMap(OriginalMessage::messageId);
  }

  /** The first value of the header field {@code name} of the reported message. */
  public Optional<String> originalHeader(String name) {
    return original.flatMap(o -> o.header(name));
  }
}
