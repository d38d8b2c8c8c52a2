package dev.hikyaku.delivery;

/** Where one recipient's message stands. */
public enum DeliveryState {
  QUEUED,
  SENDING,
  DELIVERED,
  DEFERRED,
  BOUNCED,
  SUPPRESSED,
  CANCELLED;

  /** Whether the message is still to be sent. */
  public boolean pending() {
    return this == QUEUED || this == SENDING || this == DEFERRED;
  }
}
