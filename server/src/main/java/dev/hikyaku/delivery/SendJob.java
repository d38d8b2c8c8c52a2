package dev.hikyaku.delivery;

import java.time.Instant;
import java.util.Optional;

/** A send in progress or done: a campaign's (or a test send's) recipients in the queue. */
public record SendJob(
    long id,
    String sourceKind,
    long sourceId,
    State state,
    boolean expansionDone,
    String createdBy,
    Instant createdAt,
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
}
