package dev.hikyaku.campaigns;

import java.util.List;

/**
 * A campaign as one recipient will get it.
 *
 * @param recipient who it was rendered for
 * @param source the whole message as it would be sent (before DKIM signing)
 * @param missingFields fields without a value for this recipient
 * @param charsetProblems characters the charset cannot hold, with where they are
 */
public record Preview(
    String recipient,
    String subject,
    String text,
    String html,
    String source,
    List<String> missingFields,
    List<String> charsetProblems) {

  public Preview {
    missingFields = List.copyOf(missingFields);
    charsetProblems = List.copyOf(charsetProblems);
  }
}
