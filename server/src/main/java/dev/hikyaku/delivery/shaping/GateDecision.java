package dev.hikyaku.delivery.shaping;

import java.time.Instant;
import java.util.Objects;

/** What {@link DestinationGate#tryAcquire} decides for one recipient domain. */
public sealed interface GateDecision {

  /** A connection may be opened now, within the permit's limits. */
  record Granted(Permit permit) implements GateDecision {

    public Granted {
      Objects.requireNonNull(permit, "permit");
    }
  }

  /**
   * Not now; the messages should wait in the queue until {@code retryAt}.
   *
   * @param retryAt the earliest time it is worth asking again: exact for a back-off or the rate, an
   *     estimate ({@link ShapingPolicy#busyRetry()} from now) while all connections are in use
   * @param reason which limit said no
   */
  record Denied(Instant retryAt, Reason reason) implements GateDecision {

    public Denied {
      Objects.requireNonNull(retryAt, "retryAt");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Why a group is not available now. */
  enum Reason {
    /** The group answered 421 or another 4xx recently and is left alone for a while. */
    BACKING_OFF,
    /** All connections the group allows are open. */
    BUSY,
    /** The group's messages per minute are used up. */
    RATE
  }
}
