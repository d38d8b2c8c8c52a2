package dev.hikyaku.campaigns;

import dev.hikyaku.shared.DomainName;
import dev.hikyaku.shared.EmailAddress;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a campaign sends, validated: one sender on a sending domain, one subject, a text body and/or
 * an HTML body (the text part is generated from the HTML when empty), a charset and a language.
 *
 * @param fromLocalPart the part before the {@code @}; the domain is {@code sendingDomain}
 * @param audienceId the audience, empty while the author has not chosen one
 * @param testRecipients the seed list for test sends, at most 20 addresses
 * @param sendAt when the send is to start; empty: when an operator starts it. Part of what
 *     approvers approve
 */
public record CampaignContent(
    String name,
    String sendingDomain,
    String fromLocalPart,
    String fromName,
    String replyTo,
    String subject,
    String bodyText,
    String bodyHtml,
    Charset charset,
    Language language,
    Optional<Long> audienceId,
    List<String> testRecipients,
    Optional<Instant> sendAt) {

  /** The charset of the message. */
  public enum Charset {
    UTF_8,
    ISO_2022_JP
  }

  /** The language of the fixed texts Hikyaku adds (unsubscribe footer, pages). */
  public enum Language {
    JA,
    EN
  }

  public static final int MAX_TEST_RECIPIENTS = 20;

  public CampaignContent {
    name = TextRules.requireLine("name", name, 200);
    sendingDomain = new DomainName(sendingDomain).value();
    fromLocalPart = TextRules.requireLine("fromLocalPart", fromLocalPart, 64);
    new EmailAddress(fromLocalPart + "@" + sendingDomain);
    fromName = TextRules.optionalLine("fromName", fromName, 200);
    replyTo = replyTo == null || replyTo.isBlank() ? "" : new EmailAddress(replyTo.strip()).value();
    subject = TextRules.requireLine("subject", subject, 500);
    bodyText = bodyText == null ? "" : bodyText.replace("\r\n", "\n");
    bodyHtml = bodyHtml == null ? "" : bodyHtml.replace("\r\n", "\n");
    if (bodyText.isBlank() && bodyHtml.isBlank()) {
      throw new InvalidInputException("bodyText", "body-required", "write a text or an HTML body");
    }
    if (bodyText.length() > 200_000 || bodyHtml.length() > 500_000) {
      throw new InvalidInputException("bodyHtml", "too-long", "the body is too long");
    }
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(audienceId, "audienceId");
    List<String> seeds = new ArrayList<>();
    for (String s : testRecipients == null ? List.<String>of() : testRecipients) {
      if (!s.isBlank()) {
        seeds.add(new EmailAddress(s.strip()).value());
      }
    }
    if (seeds.size() > MAX_TEST_RECIPIENTS) {
      throw new InvalidInputException(
          "testRecipients", "too-many-test-recipients", "at most 20 test recipients");
    }
    testRecipients = List.copyOf(seeds);
    Objects.requireNonNull(sendAt, "sendAt");
    sendAt = sendAt.map(t -> t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  /** Content without a schedule: sent when an operator starts it. */
  public CampaignContent(
      String name,
      String sendingDomain,
      String fromLocalPart,
      String fromName,
      String replyTo,
      String subject,
      String bodyText,
      String bodyHtml,
      Charset charset,
      Language language,
      Optional<Long> audienceId,
      List<String> testRecipients) {
    this(
        name,
        sendingDomain,
        fromLocalPart,
        fromName,
        replyTo,
        subject,
        bodyText,
        bodyHtml,
        charset,
        language,
        audienceId,
        testRecipients,
        Optional.empty());
  }

  /** The From address. */
  public String fromAddress() {
    return fromLocalPart + "@" + sendingDomain;
  }
}
