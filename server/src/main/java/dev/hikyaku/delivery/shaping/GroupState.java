package dev.hikyaku.delivery.shaping;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/**
 * The live state of one destination group: its open connections, its rate budget and its back-off.
 * Not thread-safe: {@link DestinationGate} only touches it inside {@code ConcurrentHashMap.compute}
 * on the group's key, which serialises access per group.
 */
final class GroupState {

  private final ShapingRule rule;
  private final TokenBucket bucket;
  private final Set<Long> open = new HashSet<>();
  private int failures;
  private Instant backOffUntil;

  GroupState(ShapingGroup group, Instant now) {
    this.rule = group.rule();
    // A burst of one connection's worth, at most a minute's: several connections opened at once
    // after a quiet spell still share that one burst.
    this.bucket =
        rule.rateLimited()
            ? new TokenBucket(
                rule.messagesPerMinute(),
                Math.min(rule.messagesPerMinute(), rule.messagesPerConnection()),
                now)
            : null;
  }

  GateDecision acquire(
      ShapingGroup group,
      String domain,
      int messages,
      Instant now,
      long serial,
      Duration busyRetry) {
    if (backingOff(now)) {
      return new GateDecision.Denied(backOffUntil, GateDecision.Reason.BACKING_OFF);
    }
    if (open.size() >= rule.maxConnections()) {
      return new GateDecision.Denied(now.plus(busyRetry), GateDecision.Reason.BUSY);
    }
    int granted = Math.min(messages, rule.messagesPerConnection());
    if (bucket != null) {
      granted = Math.min(granted, bucket.available(now));
      if (granted == 0) {
        return new GateDecision.Denied(bucket.nextAt(now), GateDecision.Reason.RATE);
      }
      bucket.take(granted);
    }
    open.add(serial);
    return new GateDecision.Granted(new Permit(domain, group, granted, serial));
  }

  /** When another connection could be granted, {@code now} if at once. */
  Instant availableAt(Instant now, Duration busyRetry) {
    if (backingOff(now)) {
      return backOffUntil;
    }
    if (open.size() >= rule.maxConnections()) {
      return now.plus(busyRetry);
    }
    return bucket == null ? now : bucket.nextAt(now);
  }

  boolean release(long serial) {
    return open.remove(serial);
  }

  /**
   * A 421/4xx or a failed connection. Failures reported while a back-off already runs come from
   * connections opened before it and do not lengthen it; the next failure after it does.
   */
  void failure(Instant now, BackOffSchedule schedule) {
    if (backingOff(now)) {
      return;
    }
    failures++;
    backOffUntil = now.plus(schedule.window(failures));
  }

  /** A message got through: the next failure starts from the first window again. */
  void success() {
    failures = 0;
  }

  int openConnections() {
    return open.size();
  }

  /** Whether forgetting this state changes nothing: a fresh one would behave the same. */
  boolean idle(Instant now) {
    return open.isEmpty()
        && failures == 0
        && !backingOff(now)
        && (bucket == null || bucket.full(now));
  }

  private boolean backingOff(Instant now) {
    return backOffUntil != null && now.isBefore(backOffUntil);
  }
}
