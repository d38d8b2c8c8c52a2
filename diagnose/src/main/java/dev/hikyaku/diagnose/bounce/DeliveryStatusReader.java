package dev.hikyaku.diagnose.bounce;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the text of a delivery-status part (RFC 3464 §2.1) into a report. */
final class DeliveryStatusReader {

  private DeliveryStatusReader() {}

  /**
   * The report in {@code statusText}; empty when no group names a recipient. With {@code
   * stopAtBoundary}, the text is salvaged from a multipart whose boundary is unknown.
   */
  static Optional<DeliveryStatusReport> read(
      String statusText,
      boolean stopAtBoundary,
      Optional<OriginalMessage> original,
      Problems problems,
      BounceLimits limits) {
    StatusGroups.Parsed parsed =
        StatusGroups.parse(statusText, limits.maxRecipients() + 1, stopAtBoundary);
    List<StatusGroups.Group> groups = parsed.groups();
    if (groups.isEmpty()) {
      return Optional.empty();
    }
    StatusGroups.Group perMessage = groups.getFirst();
    int firstRecipient = 1;
    if (perMessage.has("Final-Recipient") || perMessage.has("Original-Recipient")) {
      // RFC 3464 §2.1: per-message fields come first and Reporting-MTA is required in them.
      problems.add("no per-message fields before the first recipient");
      perMessage = new StatusGroups.Group(List.of());
      firstRecipient = 0;
    } else if (!perMessage.has("Reporting-MTA")) {
      problems.add("Reporting-MTA missing (RFC 3464 §2.2.2)");
    }
    List<RecipientStatus> recipients = new ArrayList<>();
    for (int i = firstRecipient;
        i < groups.size() && recipients.size() < limits.maxRecipients();
        i++) {
      RecipientFields.read(groups.get(i), problems).ifPresent(recipients::add);
    }
    int unread =
        parsed.moreGroups() + Math.max(0, groups.size() - firstRecipient - limits.maxRecipients());
    if (unread > 0) {
      problems.add(
          unread + " more recipient groups not read (limit " + limits.maxRecipients() + ")");
    }
    if (parsed.strayLines() > 0) {
      problems.add(parsed.strayLines() + " lines in the status part are not fields");
    }
    if (recipients.isEmpty()) {
      return Optional.empty();
    }
    Optional<TypedValue> reportingMta = RecipientFields.mta(perMessage, "Reporting-MTA", problems);
    Optional<OffsetDateTime> arrival = RecipientFields.date(perMessage, "Arrival-Date", problems);
    return Optional.of(
        new DeliveryStatusReport(
            BounceFormat.RFC3464, reportingMta, arrival, recipients, original, problems.list()));
  }
}
