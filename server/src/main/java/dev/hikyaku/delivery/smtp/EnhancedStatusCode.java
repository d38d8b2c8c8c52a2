package dev.hikyaku.delivery.smtp;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An enhanced mail system status code ({@code class.subject.detail}, RFC 3463 §2), such as {@code
 * 5.1.1} for an unknown mailbox.
 *
 * @param statusClass 2 (success), 4 (persistent transient failure) or 5 (permanent failure)
 * @param subject 0 to 999
 * @param detail 0 to 999
 */
public record EnhancedStatusCode(int statusClass, int subject, int detail) {

  // RFC 3463 §2: class "." subject "." detail, subject and detail 1*3digit.
  private static final Pattern LEADING =
      Pattern.compile("^([245])\\.(\\d{1,3})\\.(\\d{1,3})(?=\\s|$)");

  public EnhancedStatusCode {
    if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
      throw new IllegalArgumentException("enhanced status class must be 2, 4 or 5: " + statusClass);
    }
    if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
      throw new IllegalArgumentException("enhanced status subject and detail must be 0-999");
    }
  }

  /** The code at the start of {@code text} (a reply line after the reply code), if there is one. */
  public static Optional<EnhancedStatusCode> leading(String text) {
    Matcher m = LEADING.matcher(text);
    if (!m.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new EnhancedStatusCode(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3))));
  }

  @Override
  public String toString() {
    return statusClass + "." + subject + "." + detail;
  }
}
