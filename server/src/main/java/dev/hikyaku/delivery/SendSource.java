package dev.hikyaku.delivery;

import java.util.List;

/**
 * What a send job draws on: a campaign (or later the gateway) implements it, the delivery engine
 * calls it. Recipients are read in batches by a cursor so a list of any size streams through.
 */
public interface SendSource {

  /** The kind this source serves, e.g. {@code campaign}. */
  String kind();

  /** The next recipients after {@code afterKey} in ascending key order, at most {@code limit}. */
  List<Recipient> recipients(long sourceId, long afterKey, int limit);

  /**
   * The message for one queued recipient: rendered, signed, with its envelope. Called for every
   * attempt (a retry renders again from the frozen fields).
   */
  Rendering render(long sourceId, QueuedDelivery delivery);

  /** What rendering one queued message gave. */
  sealed interface Rendering {

    /** The message, ready to send. */
    record Ready(RenderedMessage message) implements Rendering {}

    /** Not to be sent after all: the address was suppressed since the expansion. */
    record Suppressed(String reason) implements Rendering {}

    /**
     * Can never be sent as it stands (say an address form SMTP cannot carry): the message is given
     * up at once, as a local bounce, rather than retried for days.
     */
    record Refused(String enhanced, String reason) implements Rendering {}

    /**
     * Cannot be rendered now (say the sending domain lost its verification): the message waits and
     * is retried like a temporary delivery failure.
     */
    record NotNow(String reason) implements Rendering {}
  }
}
