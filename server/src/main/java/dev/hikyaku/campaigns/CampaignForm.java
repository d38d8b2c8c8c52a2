package dev.hikyaku.campaigns;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The campaign form as posted by the console (and the API's JSON body). */
public record CampaignForm(
    String name,
    String sendingDomain,
    String fromLocalPart,
    String fromName,
    String replyTo,
    String subject,
    String bodyText,
    String bodyHtml,
    String charset,
    String language,
    Long audienceId,
    String testRecipients,
    Integer version,
    String sendAt) {

  static CampaignForm of(Campaign c) {
    CampaignContent x = c.content();
    return new CampaignForm(
        x.name(),
        x.sendingDomain(),
        x.fromLocalPart(),
        x.fromName(),
        x.replyTo(),
        x.subject(),
        x.bodyText(),
        x.bodyHtml(),
        x.charset().name(),
        x.language().name(),
        x.audienceId().orElse(null),
        String.join("\n", x.testRecipients()),
        c.version(),
        x.sendAt()
            .map(t -> LocalDateTime.ofInstant(t, ZoneId.systemDefault()).toString())
            .orElse(""));
  }

  static CampaignForm empty() {
    return new CampaignForm("", "", "news", "", "", "", "", "", "UTF_8", "JA", null, "", 0, "");
  }

  /** The validated content; throws a field error for what is wrong. */
  CampaignContent content() {
    return new CampaignContent(
        name,
        sendingDomain,
        fromLocalPart,
        fromName,
        replyTo,
        subject,
        bodyText,
        bodyHtml,
        parse(CampaignContent.Charset.class, charset, CampaignContent.Charset.UTF_8),
        parse(CampaignContent.Language.class, language, CampaignContent.Language.JA),
        Optional.ofNullable(audienceId),
        testRecipients == null
            ? List.of()
            : Arrays.stream(testRecipients.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList(),
        sendAt(sendAt));
  }

  /**
   * The schedule: an ISO-8601 instant or offset date-time (the API), or a local date-time in the
   * server's zone (the console's {@code datetime-local} field); blank for none.
   */
  static Optional<Instant> sendAt(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.strip();
    try {
      return Optional.of(OffsetDateTime.parse(v).toInstant());
    } catch (DateTimeParseException e) {
      try {
        return Optional.of(LocalDateTime.parse(v).atZone(ZoneId.systemDefault()).toInstant());
      } catch (DateTimeParseException e2) {
        throw new dev.hikyaku.shared.InvalidInputException(
            "sendAt", "bad-send-at", "not a date and time: " + v, v);
      }
    }
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value, E fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new dev.hikyaku.shared.InvalidInputException(
          type.getSimpleName().toLowerCase(Locale.ROOT),
          "unknown-value",
          "unknown value: " + value);
    }
  }
}
