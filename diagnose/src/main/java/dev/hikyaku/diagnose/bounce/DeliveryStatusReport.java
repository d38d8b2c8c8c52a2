package dev.hikyaku.diagnose.bounce;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery status notification: one entry per recipient the reporting system tells about, and
 * what it says of the message as a whole (RFC 3464 §2.2).
 *
 * @param format where the report was read from: a standard part or a known mail system's text
 * @param reportingMta the Reporting-MTA (§2.2.2), or for text bounces nothing
 * @param arrivalDate when the reporting MTA received the message (§2.2.5)
 * @param recipients the per-recipient entries, in report order; never empty
 * @param original the returned message's header fields, from a message/rfc822, text/rfc822-headers,
 *     message/global or message/global-headers part or from the text after a text bounce's "copy of
 *     the message" line
 * @param problems what was malformed, missing or cut short; empty for a clean report
 */
public record DeliveryStatusReport(
    BounceFormat format,
    Optional<TypedValue> reportingMta,
    Optional<OffsetDateTime> arrivalDate,
    List<RecipientStatus> recipients,
    Optional<OriginalMessage> original,
    List<String> problems)
    implements BounceResult {

  public DeliveryStatusReport {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(reportingMta, "reportingMta");
    Objects.requireNonNull(arrivalDate, "arrivalDate");
    Objects.requireNonNull(original, "original");
    recipients = List.copyOf(recipients);
    problems = List.copyOf(problems);
    if (recipients.isEmpty()) {
      throw new IllegalArgumentException("a delivery status report has at least one recipient");
    }
  }

  /** The entries whose action is {@code failed}. */
  public List<RecipientStatus> failed() {
    return recipients.stream().filter(r -> r.action() == DsnAction.FAILED).toList();
  }

  /**
   * The first value of the header field {@code name} (any case) of the returned message, such as
   * the {@code X-Hikyaku-Delivery} the engine stamped; empty when the report returned no header.
   */
  public Optional<String> originalHeader(String name) {
    return original.flatMap(o -> o.header(name));
  }
}
