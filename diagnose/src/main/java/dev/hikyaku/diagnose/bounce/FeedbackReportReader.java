package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.Excerpt;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a message/feedback-report part (RFC 5965 §3) into a complaint. */
final class FeedbackReportReader {

  /** Original-Rcpt-To fields kept; a feedback report is about one message. */
  static final int MAX_RECIPIENTS = 100;

  private FeedbackReportReader() {}

  /** The complaint in {@code reportText}: its fields form one group (§3). */
  static ComplaintReport read(
      String reportText, Optional<OriginalMessage> original, Problems problems) {
    StatusGroups.Parsed parsed = StatusGroups.parse(reportText, 4, false);
    List<StatusGroups.Group> groups = parsed.groups();
    StatusGroups.Group fields =
        groups.isEmpty() ? new StatusGroups.Group(List.of()) : groups.getFirst();
    if (groups.size() > 1 || parsed.moreGroups() > 0) {
      problems.add("blank lines inside the feedback report; only the first group was read");
    }
    Optional<String> typeText = fields.value("Feedback-Type");
    FeedbackType type = typeText.flatMap(FeedbackType::parse).orElse(FeedbackType.OTHER);
    if (typeText.isEmpty()) {
      problems.add("Feedback-Type missing (RFC 5965 §3.1); read as other");
    } else if (FeedbackType.parse(typeText.get()).isEmpty()) {
      problems.add(
          "unregistered Feedback-Type " + Excerpt.of(typeText.get(), 40) + "; read as other");
    }
    if (!fields.has("User-Agent") || !fields.has("Version")) {
      problems.add("User-Agent or Version missing (RFC 5965 §3.1)");
    }
    List<String> recipients = new ArrayList<>();
    for (var field : fields.fields()) {
      if (field.name().equalsIgnoreCase("Original-Rcpt-To") && recipients.size() < MAX_RECIPIENTS) {
        address(field.value()).ifPresent(recipients::add);
      }
    }
    return new ComplaintReport(
        type,
        fields.value("User-Agent").filter(v -> !v.isBlank()),
        fields.value("Original-Mail-From").flatMap(FeedbackReportReader::address),
        recipients,
        RecipientFields.date(fields, "Arrival-Date", problems)
            .or(() -> RecipientFields.date(fields, "Received-Date", problems)),
        RecipientFields.mta(fields, "Reporting-MTA", problems),
        fields.value("Source-IP").filter(v -> !v.isBlank()),
        original,
        problems.list());
  }

  /** An address as written in §3.2 fields, angle brackets removed; empty for a null path. */
  private static Optional<String> address(String value) {
    String address = value.strip();
    if (address.startsWith("<") && address.endsWith(">") && address.length() >= 2) {
      address = address.substring(1, address.length() - 1).strip();
    }
    return address.isEmpty() ? Optional.empty() : Optional.of(Excerpt.of(address, 320));
  }
}
