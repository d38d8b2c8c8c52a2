package dev.hikyaku.diagnose.headers;

import java.time.Duration;

/** Durations in words for findings: {@code 2 h 5 min}, {@code 12 min 3 s}, {@code 45 s}. */
final class Durations {

  private Durations() {}

  static String describe(Duration duration) {
    Duration abs = duration.abs();
    String sign = duration.isNegative() ? "-" : "";
    long days = abs.toDays();
    if (days > 0) {
      return sign + days + " d " + abs.toHoursPart() + " h";
    }
    if (abs.toHours() > 0) {
      return sign + abs.toHours() + " h " + abs.toMinutesPart() + " min";
    }
    if (abs.toMinutes() > 0) {
      return sign + abs.toMinutes() + " min " + abs.toSecondsPart() + " s";
    }
    return sign + abs.toSeconds() + " s";
  }
}
