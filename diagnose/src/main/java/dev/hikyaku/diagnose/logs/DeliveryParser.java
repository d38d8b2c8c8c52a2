package dev.hikyaku.diagnose.logs;

import java.util.Optional;

/**
 * Reads delivery lines: {@code to=<...>, orig_to=<...>, relay=..., delay=..., delays=..., dsn=...,
 * status=... (response)} (src/global/log_adhoc.c).
 */
final class DeliveryParser {

  private static final String STATUS = "status";

  private DeliveryParser() {}

  /** The delivery in {@code text} (after the queue ID), or null. */
  static Delivery parse(QueueId queue, String text) {
    if (!text.startsWith("to=")) {
      return null;
    }
    Attributes.Scan scan = Attributes.scan(text, 0, STATUS);
    int statusAt = scan.next();
    if (!text.startsWith(STATUS + "=", statusAt)) {
      return null;
    }
    TextCursor cursor = new TextCursor(text, statusAt + STATUS.length() + 1);
    Optional<DeliveryStatus> status = DeliveryStatus.fromLog(cursor.word());
    if (status.isEmpty()) {
      return null;
    }
    Attributes attributes = scan.attributes();
    Optional<String> recipient = attributes.address("to");
    if (recipient.isEmpty()) {
      return null;
    }
    return new Delivery(
        queue,
        recipient.get(),
        attributes.address("orig_to"),
        Relay.parse(attributes.get("relay").orElse("none")),
        attributes.get("delay").flatMap(LogDurations::seconds),
        attributes.get("delays").flatMap(Delays::parse),
        attributes.get("dsn").flatMap(Dsn::parse),
        attributes.get("tls").flatMap(TlsFeatures::parse),
        status.get(),
        response(cursor.rest()),
        attributes);
  }

  /** The text in the parentheses after the status, which may hold parentheses of its own. */
  private static String response(String rest) {
    if (rest.startsWith(" (") && rest.endsWith(")")) {
      return rest.substring(2, rest.length() - 1);
    }
    return rest.strip();
  }
}
