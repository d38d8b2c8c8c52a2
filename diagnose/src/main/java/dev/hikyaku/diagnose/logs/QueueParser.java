package dev.hikyaku.diagnose.logs;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Reads the queue's own lines: qmgr, postsuper, bounce and pickup. */
final class QueueParser {

  private QueueParser() {}

  /** qmgr: {@code from=<>, size=N, nrcpt=N (queue active)}, {@code removed}, expiry; or null. */
  static PostfixEvent qmgr(Optional<QueueId> queueId, String text) {
    if (queueId.isEmpty()) {
      return null;
    }
    QueueId queue = queueId.get();
    if (text.equals("removed")) {
      return new MessageEvent.QueueAction(queue, MessageEvent.QueueAction.Action.REMOVED);
    }
    if (!text.startsWith("from=")) {
      return null;
    }
    Attributes attributes = Attributes.scan(text, 0, null).attributes();
    String sender = attributes.address("from").orElse("");
    if (attributes.get("status").filter("expired"::equals).isPresent()) {
      return new MessageEvent.Expired(queue, sender);
    }
    OptionalLong size = number(attributes.get("size"));
    OptionalLong recipients = number(attributes.get("nrcpt"));
    if (size.isEmpty() || recipients.isEmpty() || recipients.getAsLong() > Integer.MAX_VALUE) {
      return null;
    }
    return new MessageEvent.Queued(
        queue, sender, size.getAsLong(), (int) recipients.getAsLong(), attributes);
  }

  /** postsuper: {@code removed}, {@code placed on hold}, ..., or {@code Deleted: 3 messages}. */
  static PostfixEvent postsuper(Optional<QueueId> queueId, String text) {
    if (queueId.isPresent()) {
      return MessageEvent.QueueAction.Action.fromLog(text)
          .map(action -> new MessageEvent.QueueAction(queueId.get(), action))
          .orElse(null);
    }
    TextCursor cursor = new TextCursor(text);
    String action = cursor.upTo(": ");
    if (action == null || action.isEmpty() || action.length() > 40) {
      return null;
    }
    OptionalInt count = cursor.number();
    if (count.isEmpty()
        || !(cursor.skip(" messages") || cursor.skip(" message"))
        || !cursor.atEnd()) {
      return null;
    }
    return new ServiceEvent.BulkQueueAction(action, count.getAsInt());
  }

  /** bounce: {@code sender non-delivery notification: QUEUEID}, or null. */
  static PostfixEvent bounce(Optional<QueueId> queueId, String text) {
    if (queueId.isEmpty()) {
      return null;
    }
    TextCursor cursor = new TextCursor(text);
    String notified = cursor.word();
    if (!cursor.skip(" ")) {
      return null;
    }
    String kind = cursor.upTo(" notification: ");
    Optional<QueueId> notification = QueueId.parse(cursor.rest());
    if (kind == null || notified.isEmpty() || notification.isEmpty()) {
      return null;
    }
    return MessageEvent.BounceNotice.Kind.fromLog(kind)
        .map(k -> new MessageEvent.BounceNotice(queueId.get(), notified, k, notification.get()))
        .orElse(null);
  }

  /** pickup: {@code uid=0 from=<root>}, or null. */
  static PostfixEvent pickup(Optional<QueueId> queueId, String text) {
    if (queueId.isEmpty()) {
      return null;
    }
    Attributes.Scan scan = Attributes.scan(text, 0, null);
    Attributes attributes = scan.attributes();
    if (scan.end() != text.length() || !attributes.values().containsKey("from")) {
      return null;
    }
    return new MessageEvent.Pickup(
        queueId.get(), number(attributes.get("uid")), attributes.address("from"), attributes);
  }

  /** A non-negative decimal of at most 18 digits. */
  static OptionalLong number(Optional<String> text) {
    if (text.isEmpty() || text.get().isEmpty() || text.get().length() > 18) {
      return OptionalLong.empty();
    }
    String digits = text.get();
    for (int i = 0; i < digits.length(); i++) {
      if (!TextCursor.isDigit(digits.charAt(i))) {
        return OptionalLong.empty();
      }
    }
    return OptionalLong.of(Long.parseLong(digits));
  }
}
