package dev.hikyaku.diagnose.headers;

import java.time.Duration;
import java.util.Objects;

/**
 * When the hop analysis calls a delay or a date out of line.
 *
 * @param slowHop a hop delay above this is a warning (default 5 minutes)
 * @param verySlowHop a hop delay above this is a problem (default 1 hour)
 * @param dateTolerance how far the Date field may be ahead of the clock or of the first hop before
 *     it is reported (default 5 minutes), allowing for ordinary clock drift
 */
public record HopThresholds(Duration slowHop, Duration verySlowHop, Duration dateTolerance) {

  public HopThresholds {
    Objects.requireNonNull(slowHop, "slowHop");
    Objects.requireNonNull(verySlowHop, "verySlowHop");
    Objects.requireNonNull(dateTolerance, "dateTolerance");
    if (slowHop.isNegative() || dateTolerance.isNegative()) {
      throw new IllegalArgumentException("thresholds cannot be negative");
    }
    if (verySlowHop.compareTo(slowHop) < 0) {
      throw new IllegalArgumentException("verySlowHop must not be below slowHop");
    }
  }

  /** Five minutes, one hour, five minutes. */
  public static HopThresholds defaults() {
    return new HopThresholds(Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofMinutes(5));
  }
}
