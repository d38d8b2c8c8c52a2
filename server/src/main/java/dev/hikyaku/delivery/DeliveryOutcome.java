package dev.hikyaku.delivery;

/** What one attempt at one recipient came to. */
public sealed interface DeliveryOutcome {

  /** The reply (code, enhanced status, text) or a local explanation. */
  String reply();

  /** The receiving server accepted the message (2xx), or the capture mailbox kept it. */
  record Delivered(int code, String reply) implements DeliveryOutcome {}

  /** A temporary failure (4xx, no connection, TLS required but missing): try again later. */
  record Deferred(int code, String reply) implements DeliveryOutcome {}

  /** A permanent failure (5xx) or a deferral past the maximum age: the message is given up. */
  record Bounced(int code, String enhanced, String reply) implements DeliveryOutcome {

    /**
     * Whether the address itself is bad (RFC 3463 x.1.1 no such mailbox, x.1.2 no such domain,
     * x.1.10 null MX), so it is suppressed; policy refusals (5.7.x) are not the address's fault.
     */
    public boolean hard() {
      return enhanced.matches("5\\.1\\.(1|2|3|10)");
    }
  }
}
