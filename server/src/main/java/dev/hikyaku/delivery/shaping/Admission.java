package dev.hikyaku.delivery.shaping;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the dispatcher may do with one claimed batch: the domains whose group may start a connection
 * now, and the ones that must wait and until when.
 *
 * @param admitted domains to hand to a worker now, each with its permit
 * @param waiting domains whose messages go back to the queue
 */
public record Admission(List<Admitted> admitted, List<Waiting> waiting) {

  public Admission {
    admitted = List.copyOf(admitted);
    waiting = List.copyOf(waiting);
  }

  /**
   * The earliest time something of this batch could be tried again (a waiting domain or the
   * left-over messages of an admitted one), for the dispatcher's next wake-up; empty when all was
   * admitted in full.
   */
  public Optional<Instant> earliestRetry() {
    return Stream.concat(
            waiting.stream().map(Waiting::retryAt),
            admitted.stream().filter(a -> a.leftOver() > 0).map(Admitted::leftOverAt))
        .min(Instant::compareTo);
  }

  /**
   * A domain that may be sent to now.
   *
   * @param domain the domain as the caller gave it
   * @param permit send its first {@code permit.messages()} messages over one connection, then
   *     release it
   * @param leftOver how many of the domain's messages did not fit the permit (per-connection limit
   *     or rate); they go back to the queue
   * @param leftOverAt when the left-over messages are worth trying again
   */
  public record Admitted(String domain, Permit permit, int leftOver, Instant leftOverAt) {

    public Admitted {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(permit, "permit");
      Objects.requireNonNull(leftOverAt, "leftOverAt");
      if (leftOver < 0) {
        throw new IllegalArgumentException("left over cannot be negative: " + leftOver);
      }
    }
  }

  /**
   * A domain whose messages must wait.
   *
   * @param domain the domain as the caller gave it
   * @param messages how many messages it had
   * @param retryAt put them back with {@code next_attempt_at} = this
   * @param reason which limit said no
   */
  public record Waiting(String domain, int messages, Instant retryAt, GateDecision.Reason reason) {

    public Waiting {
      Objects.requireNonNull(domain, "domain");
      Objects.requireNonNull(retryAt, "retryAt");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
