package dev.hikyaku.delivery;

import java.util.List;

/**
 * A route out: the capture mailbox, a relay, or the recipient domain's MX hosts. A transport gets
 * the messages claimed for one destination domain and may send them over one connection.
 */
interface Transport {

  /** The route's name in attempts: {@code capture}, {@code relay}, {@code direct}. */
  String route();

  /**
   * Sends the messages to one destination domain and returns one result per message, in order.
   * Never throws for a delivery problem: every message ends in an outcome.
   */
  List<Sent> send(String domain, List<RenderedMessage> messages);

  /** What happened to one message, and over what. */
  record Sent(DeliveryOutcome outcome, String host, String address, Tls tls, long durationMs) {}

  /** How the connection was protected; empty strings when it was not. */
  record Tls(String protocol, String cipher, boolean verified) {
    static final Tls NONE = new Tls("", "", false);
  }
}
