package dev.hikyaku.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * When a deferred message is tried again: the base delay doubled after each attempt, capped; and
 * when it is given up: once it has waited for the maximum age since it was queued.
 */
record Backoff(Duration base, Duration max, Duration maxAge) {

  /** The retry time after the {@code attempts}-th failed attempt, or null when it is too old. */
  Instant next(int attempts, Instant queuedAt, Instant now) {
    if (!now.isBefore(queuedAt.plus(maxAge))) {
      return null;
    }
    long factor = 1L << Math.min(Math.max(attempts - 1, 0), 20);
    Duration delay = base.multipliedBy(factor);
    if (delay.compareTo(max) > 0 || delay.isNegative()) {
      delay = max;
    }
    Instant at = now.plus(delay);
    Instant deadline = queuedAt.plus(maxAge);
    // A last attempt right at the deadline rather than none after a long wait.
    return at.isAfter(deadline) ? deadline : at;
  }
}
