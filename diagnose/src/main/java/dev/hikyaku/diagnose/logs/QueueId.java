package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Optional;

/**
 * A Postfix queue ID, in the short hexadecimal form or the long form of {@code
 * enable_long_queue_ids = yes}.
 *
 * <p>Short IDs are five hexadecimal digits of microseconds followed by the inode number in hex.
 * Long IDs are the time in base 52 (at least ten characters of Postfix's vowel-free alphabet), a
 * {@code z}, and the inode number in base 51 (src/global/mail_queue.h).
 *
 * @param value the ID as logged
 */
public record QueueId(String value) {

  /** Longer IDs than this are not Postfix's, whatever they look like. */
  static final int MAX_LENGTH = 32;

  private static final String SAFE_ALPHABET =
      "0123456789BCDFGHJKLMNPQRSTVWXYZbcdfghjklmnpqrstvwxyz";
  private static final int LONG_TIME_PAD = 10;

  public QueueId {
    Objects.requireNonNull(value, "value");
    if (!isQueueId(value)) {
      throw new IllegalArgumentException("not a Postfix queue ID: " + value);
    }
  }

  /** The queue ID in {@code text}, or empty if it is not one (such as {@code NOQUEUE}). */
  public static Optional<QueueId> parse(String text) {
    return text != null && isQueueId(text) ? Optional.of(new QueueId(text)) : Optional.empty();
  }

  /** Whether the text is a queue ID in either form. */
  public static boolean isQueueId(CharSequence text) {
    int length = text.length();
    if (length < 6 || length > MAX_LENGTH) {
      return false;
    }
    return isShortForm(text) || isLongForm(text);
  }

  private static boolean isShortForm(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'A' && c <= 'F')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLongForm(CharSequence text) {
    int separator = -1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (SAFE_ALPHABET.indexOf(c) < 0) {
        return false;
      }
      if (c == 'z') {
        separator = i;
      }
    }
    return separator >= LONG_TIME_PAD && separator < text.length() - 1;
  }

  @Override
  public String toString() {
    return value;
  }
}
