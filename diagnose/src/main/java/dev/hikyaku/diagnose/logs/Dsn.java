package dev.hikyaku.diagnose.logs;

import java.util.Optional;

/**
 * An enhanced mail system status code (RFC 3463 §2): {@code class.subject.detail}, such as {@code
 * 5.1.1}.
 *
 * @param statusClass 2 (success), 4 (persistent transient failure) or 5 (permanent failure)
 * @param subject the subject, 0 to 999
 * @param detail the detail, 0 to 999
 */
public record Dsn(int statusClass, int subject, int detail) {

  public Dsn {
    if (statusClass != 2 && statusClass != 4 && statusClass != 5) {
      throw new IllegalArgumentException("DSN class must be 2, 4 or 5: " + statusClass);
    }
    // RFC 3463 §2: subject and detail are 1 to 3 digits.
    if (subject < 0 || subject > 999 || detail < 0 || detail > 999) {
      throw new IllegalArgumentException("DSN subject and detail are 0 to 999");
    }
  }

  /** The code in {@code text}, which must be nothing but the code, or empty. */
  public static Optional<Dsn> parse(String text) {
    if (text == null || text.length() < 5 || text.length() > 9) {
      return Optional.empty();
    }
    int first = text.indexOf('.');
    int second = text.indexOf('.', first + 1);
    if (first != 1 || second < 0) {
      return Optional.empty();
    }
    int statusClass = digits(text, 0, 1);
    int subject = digits(text, 2, second);
    int detail = digits(text, second + 1, text.length());
    if (statusClass < 0 || subject < 0 || detail < 0 || "245".indexOf(text.charAt(0)) < 0) {
      return Optional.empty();
    }
    return Optional.of(new Dsn(statusClass, subject, detail));
  }

  /** The class alone, as in {@code 5.x.x}, for grouping. */
  public String classPattern() {
    return statusClass + ".x.x";
  }

  @Override
  public String toString() {
    return statusClass + "." + subject + "." + detail;
  }

  private static int digits(String text, int from, int to) {
    if (to <= from || to - from > 3) {
      return -1;
    }
    int value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
