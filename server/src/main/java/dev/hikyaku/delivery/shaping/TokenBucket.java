package dev.hikyaku.delivery.shaping;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket for messages per minute, on the caller's clock and in exact integer arithmetic:
 * one message costs {@link #UNIT} credit, and every nanosecond adds {@code perMinute} credit, so a
 * full minute adds exactly {@code perMinute} messages. The bucket holds {@code burst} messages at
 * most, which bounds how many may go out at once after a quiet spell. Not thread-safe: its owner
 * guards it.
 */
final class TokenBucket {

  /** The credit of one message: the nanoseconds in a minute. */
  static final long UNIT = 60_000_000_000L;

  private final long perMinute;
  private final long capacity;
  private long credit;
  private Instant last;

  TokenBucket(int perMinute, int burst, Instant now) {
    this.perMinute = perMinute;
    this.capacity = burst * UNIT;
    this.credit = capacity;
    this.last = now;
  }

  /** How many whole messages may go out now. */
  int available(Instant now) {
    refill(now);
    return (int) (credit / UNIT);
  }

  /** Spends {@code messages}, which must be available. */
  void take(int messages) {
    credit -= messages * UNIT;
  }

  /** When the next whole message is available; {@code now} if one is. */
  Instant nextAt(Instant now) {
    refill(now);
    if (credit >= UNIT) {
      return now;
    }
    return now.plusNanos(Math.ceilDiv(UNIT - credit, perMinute));
  }

  /** Whether the bucket is full, so a fresh one would behave the same. */
  boolean full(Instant now) {
    refill(now);
    return credit == capacity;
  }

  private void refill(Instant now) {
    if (!now.isAfter(last)) {
      // The same instant, or a clock that went back: nothing accrues.
      return;
    }
    Duration elapsed = Duration.between(last, now);
    last = now;
    // A burst is at most a minute's worth, so a minute refills any bucket; capping the elapsed
    // time also keeps the product below Long.MAX_VALUE.
    if (elapsed.compareTo(Duration.ofMinutes(1)) >= 0) {
      credit = capacity;
    } else {
      credit = Math.min(capacity, credit + elapsed.toNanos() * perMinute);
    }
  }
}
