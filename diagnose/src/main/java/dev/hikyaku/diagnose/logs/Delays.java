package dev.hikyaku.diagnose.logs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a message spent its time, from {@code delays=a/b/c/d} (Postfix 2.3 and later).
 *
 * @param beforeQueueManager from arrival until the queue manager took it (smtpd, cleanup, or the
 *     deferred queue)
 * @param inQueueManager waiting in the queue manager for a delivery agent
 * @param connectionSetup DNS, HELO and TLS before the transmission
 * @param transmission transmitting the message
 */
public record Delays(
    Duration beforeQueueManager,
    Duration inQueueManager,
    Duration connectionSetup,
    Duration transmission) {

  public Delays {
    Objects.requireNonNull(beforeQueueManager, "beforeQueueManager");
    Objects.requireNonNull(inQueueManager, "inQueueManager");
    Objects.requireNonNull(connectionSetup, "connectionSetup");
    Objects.requireNonNull(transmission, "transmission");
  }

  /** The four delays in {@code text}, or empty if it is not four decimal numbers. */
  public static Optional<Delays> parse(String text) {
    if (text == null || text.length() > 100) {
      return Optional.empty();
    }
    String[] parts = text.split("/", -1);
    if (parts.length != 4) {
      return Optional.empty();
    }
    Duration[] durations = new Duration[4];
    for (int i = 0; i < 4; i++) {
      Optional<Duration> duration = LogDurations.seconds(parts[i]);
      if (duration.isEmpty()) {
        return Optional.empty();
      }
      durations[i] = duration.get();
    }
    return Optional.of(new Delays(durations[0], durations[1], durations[2], durations[3]));
  }

  @Override
  public String toString() {
    return LogDurations.format(beforeQueueManager)
        + "/"
        + LogDurations.format(inQueueManager)
        + "/"
        + LogDurations.format(connectionSetup)
        + "/"
        + LogDurations.format(transmission);
  }
}
