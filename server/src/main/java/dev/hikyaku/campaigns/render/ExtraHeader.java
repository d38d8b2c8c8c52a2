package dev.hikyaku.campaigns.render;

import dev.hikyaku.shared.InvalidInputException;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An additional header such as {@code X-Campaign-Id} or {@code Feedback-ID}. Fields the composer
 * writes itself and every field that names recipients (To, Cc, Bcc, Resent-*, ...) are refused, so
 * a message always has exactly the one recipient it was composed for. The value is flattened to one
 * line and RFC 2047-encoded when it is not plain ASCII.
 *
 * @param name the field name: letters, digits and '-', at most 76 characters
 * @param value the field value
 */
public record ExtraHeader(String name, String value) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]{0,75}");

  private static final Set<String> RESERVED =
      Set.of(
          "from",
          "sender",
          "reply-to",
          "to",
          "cc",
          "bcc",
          "subject",
          "date",
          "message-id",
          "mime-version",
          "list-id",
          "list-unsubscribe",
          "list-unsubscribe-post",
          "return-path",
          "received",
          "dkim-signature",
          "disposition-notification-to",
          "return-receipt-to",
          "errors-to",
          "apparently-to",
          "delivered-to",
          "envelope-to",
          "x-original-to");

  public ExtraHeader {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new InvalidInputException("header", "header-name", "not a header name: " + name);
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (RESERVED.contains(lower) || lower.startsWith("content-") || lower.startsWith("resent-")) {
      throw new InvalidInputException(
          "header", "header-reserved", name + " is written by the composer or names recipients");
    }
    value = value == null ? "" : HeaderText.flatten(value);
  }
}
