package dev.hikyaku.campaigns;

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
    Integer version) {

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
        c.version());
  }

  static CampaignForm empty() {
    return new CampaignForm("", "", "news", "", "", "", "", "", "UTF_8", "JA", null, "", 0);
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
            : Arrays.stream(testRecipients.split("[\\s,;]+")).filter(s -> !s.isBlank()).toList());
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
