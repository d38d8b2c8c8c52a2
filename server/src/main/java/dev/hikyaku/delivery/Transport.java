package dev.hikyaku.delivery;

import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A route out: the capture mailbox, a relay, or the recipient domain's MX hosts. A transport gets
 * the messages claimed for one destination domain and may send them over one connection.
 */
interface Transport {

  /** The route's name in attempts: {@code capture}, {@code relay}, {@code direct}. */
  String route();

  /**
   * Sends the messages to one destination domain, in order, and returns one result per message
   * tried. Before each transaction (and each connection) it asks {@code halted}; once that says yes
   * no further transaction begins, while one already under way finishes (cutting DATA would leave
   * the recipient in an unknown state). The results then cover only the first messages: the rest
   * were not tried. Never throws for a delivery problem: every message tried ends in an outcome.
   */
  List<Sent> send(String domain, List<RenderedMessage> messages, BooleanSupplier halted);

  /** What happened to one message, and over what. */
  record Sent(DeliveryOutcome outcome, String host, String address, Tls tls, long durationMs) {}

  /** How the connection was protected; empty strings when it was not. */
  record Tls(String protocol, String cipher, boolean verified) {
    static final Tls NONE = new Tls("", "", false);
  }
}
