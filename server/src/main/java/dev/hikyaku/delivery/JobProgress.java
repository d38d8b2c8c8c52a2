package dev.hikyaku.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * How far a send job got.
 *
 * @param counts messages per state
 * @param perMinute messages finished (any final state) in the last minute
 * @param eta at that rate, how long the pending messages take; empty when nothing moves
 */
public record JobProgress(
    SendJob job, Map<DeliveryState, Long> counts, long perMinute, Optional<Duration> eta) {

  public JobProgress {
    counts = Map.copyOf(counts);
  }

  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  public long pending() {
    return count(DeliveryState.QUEUED)
        + count(DeliveryState.SENDING)
        + count(DeliveryState.DEFERRED);
  }

  public long count(DeliveryState state) {
    return counts.getOrDefault(state, 0L);
  }

  /** When sending begins: a page says "sending begins at …, cancel until then" before it. */
  public Instant notBefore() {
    return job.notBefore();
  }
}
