package dev.hikyaku.diagnose.headers;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * One hop of a message's path: one Received field, in transit order.
 *
 * @param number the position in transit order, 1 for the earliest (bottom-most) field analysed
 * @param received what the field says
 * @param delay the time since the nearest earlier hop with a time; empty for the first timed hop
 *     and for a hop without a time
 * @param clockSkew whether the delay is negative, which only a wrong clock explains
 * @param internetPath whether the hop crosses between organisations over the internet (see {@link
 *     HopAnalyzer})
 */
public record Hop(
    int number,
    ReceivedField received,
    Optional<Duration> delay,
    boolean clockSkew,
    boolean internetPath) {

  public Hop {
    Objects.requireNonNull(received, "received");
    Objects.requireNonNull(delay, "delay");
    if (number < 1) {
      throw new IllegalArgumentException("hops are numbered from 1");
    }
    if (clockSkew != delay.map(Duration::isNegative).orElse(false)) {
      throw new IllegalArgumentException("clockSkew must match a negative delay");
    }
  }

  /** The time the receiving host stamped, if it could be read. */
  public Optional<OffsetDateTime> time() {
    return received.date();
  }

  /** Where a finding about this hop points: {@code hop 3}. */
  public String where() {
    return "hop " + number;
  }
}
