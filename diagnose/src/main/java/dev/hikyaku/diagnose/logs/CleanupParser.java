package dev.hikyaku.diagnose.logs;

import java.util.Optional;

/** Reads cleanup's lines: the Message-ID, header and body checks, and milter replies. */
final class CleanupParser {

  private static final String[] ENVELOPE_KEYS = {" from=<", " to=<", " proto=", " helo=<"};
  private static final String FROM = " from ";
  private static final String FROM_LOCAL = " from local";

  private CleanupParser() {}

  /** The event in {@code text} (after the queue ID), or null. */
  static PostfixEvent parse(Optional<QueueId> queueId, String text) {
    if (queueId.isEmpty()) {
      return null;
    }
    QueueId queue = queueId.get();
    if (text.startsWith("message-id=")) {
      return new MessageEvent.MessageIdAssigned(
          queue, Attributes.unbracket(text.substring("message-id=".length())), false);
    }
    if (text.startsWith("resent-message-id=")) {
      return new MessageEvent.MessageIdAssigned(
          queue, Attributes.unbracket(text.substring("resent-message-id=".length())), true);
    }
    TextCursor cursor = new TextCursor(text);
    String action = RejectParser.action(cursor);
    if (action == null) {
      return null;
    }
    String rest = cursor.rest();
    ContentCheck milterReply = milterReply(queue, action, rest);
    return milterReply != null ? milterReply : ruleMatch(queue, action, rest);
  }

  /** {@code milter-reject: END-OF-MESSAGE from host[ip]: 5.7.1 reply; from=<> ...}. */
  private static ContentCheck milterReply(QueueId queue, String action, String text) {
    TextCursor cursor = new TextCursor(text);
    String stage = RejectParser.stage(cursor);
    if (stage == null || !cursor.skip(FROM)) {
      return null;
    }
    Optional<Peer> client = Optional.empty();
    if (!cursor.skip("local")) {
      client = Peer.read(cursor);
      if (client.isEmpty()) {
        return null;
      }
    }
    if (!cursor.skip(": ")) {
      return null;
    }
    int replyStart = cursor.position();
    int envelope = RejectParser.envelopeStart(cursor.rest());
    int replyEnd = envelope < 0 ? text.length() : replyStart + envelope;
    Attributes attributes =
        envelope < 0 ? Attributes.NONE : Attributes.scan(text, replyEnd + 2, null).attributes();
    String reply = text.substring(replyStart, replyEnd);
    return new ContentCheck(
        queue,
        action,
        text.substring(0, replyEnd),
        stage,
        "",
        client,
        attributes,
        reply.isEmpty() ? Optional.empty() : Optional.of(reply));
  }

  /**
   * {@code ACTION: header Subject: hi from host[ip]; from=<> to=<> proto=ESMTP helo=<x>: TEXT}. The
   * header may hold {@code from} and semicolons itself, so the separator is the first semicolon
   * that follows {@code ]} or {@code from local} and precedes the envelope, the text, or the end of
   * the line.
   */
  private static ContentCheck ruleMatch(QueueId queue, String action, String text) {
    int firstFrom = text.indexOf(FROM);
    if (firstFrom < 0) {
      return null;
    }
    int semicolon = -1;
    for (int i = text.indexOf(';', firstFrom); i >= 0; i = text.indexOf(';', i + 1)) {
      if (endsClient(text, i) && startsEnvelope(text, i + 1)) {
        semicolon = i;
        break;
      }
    }
    if (semicolon < 0) {
      return null;
    }
    String description = text.substring(0, semicolon);
    int from = description.lastIndexOf(FROM);
    String clientText = description.substring(from + FROM.length());
    String matched = description.substring(0, from);
    int space = matched.indexOf(' ');
    String part = space < 0 ? matched : matched.substring(0, space);
    String content = space < 0 ? "" : matched.substring(space + 1);
    int envelopeStart = text.startsWith(" ", semicolon + 1) ? semicolon + 2 : semicolon + 1;
    Attributes.Scan scan = Attributes.scan(text, envelopeStart, null);
    Optional<String> detail = Optional.empty();
    if (text.startsWith(": ", scan.end())) {
      detail = Optional.of(text.substring(scan.end() + 2));
    }
    return new ContentCheck(
        queue,
        action,
        description,
        part,
        content,
        clientText.equals("local") ? Optional.empty() : Peer.parse(clientText),
        scan.attributes(),
        detail);
  }

  private static boolean endsClient(String text, int semicolon) {
    return semicolon > 0 && text.charAt(semicolon - 1) == ']'
        || text.startsWith(FROM_LOCAL, semicolon - FROM_LOCAL.length());
  }

  private static boolean startsEnvelope(String text, int at) {
    if (at == text.length() || text.startsWith(": ", at)) {
      return true;
    }
    for (String key : ENVELOPE_KEYS) {
      if (text.startsWith(key, at)) {
        return true;
      }
    }
    return false;
  }
}
