package dev.hikyaku.delivery.shaping;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a destination group is left alone after transient failures: {@code first} after the
 * first, doubled after each further one, at most {@code max}.
 *
 * @param first the first window, positive
 * @param max the longest window, at least {@code first}
 */
public record BackOffSchedule(Duration first, Duration max) {

  /** One minute, doubling up to 30 minutes. */
  public static final BackOffSchedule DEFAULT =
      new BackOffSchedule(Duration.ofMinutes(1), Duration.ofMinutes(30));

  public BackOffSchedule {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(max, "max");
    if (first.isNegative() || first.isZero()) {
      throw new IllegalArgumentException("the first back-off must be positive: " + first);
    }
    if (max.compareTo(first) < 0) {
      throw new IllegalArgumentException(
          "the longest back-off " + max + " is shorter than the first " + first);
    }
  }

  /** The window after the {@code failures}-th failure in a row (1 for the first). */
  public Duration window(int failures) {
    int doublings = Math.min(Math.max(failures - 1, 0), 30);
    Duration d = first;
    for (int i = 0; i < doublings && d.compareTo(max) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(max) > 0 ? max : d;
  }
}
