package dev.hikyaku.delivery.inbound;

/** What a received message turned out to be, as listed by {@code GET /api/v1/bounces}. */
public enum Verdict {
  /** A failed delivery report whose failure is about the address: suppressed. */
  HARD_BOUNCE,
  /** A failed delivery report for a transient, policy or unknown cause: recorded only. */
  SOFT_BOUNCE,
  /** A delayed-delivery warning: recorded only. */
  DELAYED,
  /** A feedback-loop complaint by the recipient: suppressed. */
  COMPLAINT,
  /** A feedback report that is not a complaint (not-spam, virus, auth-failure): recorded only. */
  FEEDBACK,
  /** Mail to the unsubscribe address: suppressed. */
  UNSUBSCRIBE,
  /** A vacation or other automatic answer (RFC 3834): kept, nothing else. */
  AUTO_REPLY,
  /** A readable message that reports nothing about the recipient. */
  OTHER,
  /** The message could not be read. */
  UNPARSEABLE
}
