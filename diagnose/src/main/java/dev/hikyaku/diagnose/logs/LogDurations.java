package dev.hikyaku.diagnose.logs;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Optional;

/** Reads and writes the decimal seconds Postfix logs ({@code delay=3.6}, {@code 0.02}). */
final class LogDurations {

  private LogDurations() {}

  /**
   * The duration {@code text} gives in seconds, or empty if it is not plain decimal seconds. At
   * most twelve integer and nine fraction digits, so no input overflows.
   */
  static Optional<Duration> seconds(String text) {
    if (text == null || text.isEmpty()) {
      return Optional.empty();
    }
    int dot = text.indexOf('.');
    int integerEnd = dot < 0 ? text.length() : dot;
    if (integerEnd == 0 || integerEnd > 12 || !allDigits(text, 0, integerEnd)) {
      return Optional.empty();
    }
    long seconds = Long.parseLong(text, 0, integerEnd, 10);
    long nanos = 0;
    if (dot >= 0) {
      int fractionDigits = text.length() - dot - 1;
      if (fractionDigits < 1 || fractionDigits > 9 || !allDigits(text, dot + 1, text.length())) {
        return Optional.empty();
      }
      nanos = Long.parseLong(text, dot + 1, text.length(), 10);
      for (int i = fractionDigits; i < 9; i++) {
        nanos *= 10;
      }
    }
    return Optional.of(Duration.ofSeconds(seconds, nanos));
  }

  /** The duration as the shortest decimal seconds ({@code 0.02}, {@code 3.6}, {@code 0}). */
  static String format(Duration duration) {
    return BigDecimal.valueOf(duration.getSeconds())
        .add(BigDecimal.valueOf(duration.getNano(), 9))
        .stripTrailingZeros()
        .toPlainString();
  }

  private static boolean allDigits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!TextCursor.isDigit(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
