package dev.hikyaku.campaigns.render;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One recipient's rendered subject and bodies, with the fields that need attention before sending.
 *
 * @param subject the rendered subject
 * @param text the rendered text body, if the campaign has one
 * @param html the rendered HTML body, if the campaign has one
 * @param missingFields fields without a value or default, over all templates, each once
 * @param blockedUrlFields fields refused as link targets, over all templates, each once
 */
public record PersonalisedContent(
    String subject,
    Optional<String> text,
    Optional<String> html,
    List<String> missingFields,
    List<String> blockedUrlFields) {

  public PersonalisedContent {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(html, "html");
    missingFields = List.copyOf(missingFields);
    blockedUrlFields = List.copyOf(blockedUrlFields);
  }

  /**
   * Sets the subject and bodies on {@code builder}; without a text template the builder derives the
   * text part from the HTML.
   */
  public CampaignMessage.Builder applyTo(CampaignMessage.Builder builder) {
    builder.subject(subject);
    text.ifPresent(builder::textBody);
    html.ifPresent(builder::htmlBody);
    return builder;
  }
}
