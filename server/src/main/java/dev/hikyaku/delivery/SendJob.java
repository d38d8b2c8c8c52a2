package dev.hikyaku.delivery;

import java.time.Instant;
import java.util.Optional;

/**
 * A send in progress or done: a campaign's (or a test send's) recipients in the queue.
 *
 * @param notBefore when expansion and sending begin; until then the job may be cancelled with
 *     nothing queued and nothing sent (its cancel window). The start time for a job without one.
 */
public record SendJob(
    long id,
    String sourceKind,
    long sourceId,
    State state,
    boolean expansionDone,
    String createdBy,
    Instant createdAt,
    Instant notBefore,
    Optional<Instant> finishedAt) {

  /** Where the job stands. */
  public enum State {
    RUNNING,
    PAUSED,
    CANCELLED,
    COMPLETED
  }

  public boolean active() {
    return state == State.RUNNING || state == State.PAUSED;
  }

  /** Whether the job is still in its cancel window at {@code now}: nothing of it is queued yet. */
  public boolean inCancelWindow(Instant now) {
    return active() && now.isBefore(notBefore);
  }
}
