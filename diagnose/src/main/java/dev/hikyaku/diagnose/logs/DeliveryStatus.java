package dev.hikyaku.diagnose.logs;

import java.util.Optional;

/** The {@code status=} of a delivery attempt, as Postfix's log_adhoc writes it. */
public enum DeliveryStatus {
  /** Delivered (or handed to the next hop). */
  SENT("sent"),
  /** Failed for now; the message stays in the deferred queue. */
  DEFERRED("deferred"),
  /** Failed for good; the sender gets a non-delivery notification. */
  BOUNCED("bounced"),
  /** Given up after {@code maximal_queue_lifetime}. */
  EXPIRED("expired"),
  /** A permanent failure turned into a deferral by {@code soft_bounce = yes}. */
  SOFTBOUNCE("SOFTBOUNCE"),
  /** Address verification: the recipient would be accepted. */
  DELIVERABLE("deliverable"),
  /** Address verification: the recipient would not be accepted. */
  UNDELIVERABLE("undeliverable"),
  /** Address verification: not accepted, and not cached either. */
  UNDELIVERABLE_BUT_NOT_CACHED("undeliverable-but-not-cached");

  private final String logName;

  DeliveryStatus(String logName) {
    this.logName = logName;
  }

  /** The status as logged. */
  public String logName() {
    return logName;
  }

  /** The status Postfix writes as {@code text}, or empty. */
  public static Optional<DeliveryStatus> fromLog(String text) {
    for (DeliveryStatus status : values()) {
      if (status.logName.equals(text)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
