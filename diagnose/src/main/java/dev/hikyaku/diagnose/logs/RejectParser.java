package dev.hikyaku.diagnose.logs;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Reads smtpd's and postscreen's {@code ACTION: STAGE from CLIENT: REPLY; from=<> to=<> ...} lines,
 * and the SMTP replies inside them.
 */
final class RejectParser {

  /** Postfix writes the envelope in this order (src/smtpd/smtpd_check.c, log_whatsup). */
  private static final String[] ENVELOPE_MARKERS = {"; from=<", "; to=<", "; proto=", "; helo=<"};

  private RejectParser() {}

  /** The reject in {@code text} (after the queue ID or {@code NOQUEUE:}), or null. */
  static Reject parse(Optional<QueueId> queueId, String text) {
    TextCursor cursor = new TextCursor(text);
    String action = action(cursor);
    if (action == null) {
      return null;
    }
    String stage = stage(cursor);
    if (stage == null || !cursor.skip(" from ")) {
      return null;
    }
    Optional<Peer> client = Peer.read(cursor);
    if (client.isEmpty() || !cursor.skip(": ")) {
      return null;
    }
    String rest = cursor.rest();
    int envelope = envelopeStart(rest);
    String reply = envelope < 0 ? rest : rest.substring(0, envelope);
    Attributes attributes =
        envelope < 0 ? Attributes.NONE : Attributes.scan(rest, envelope + 2, null).attributes();
    Reply parts = Reply.split(reply);
    return new Reject(
        queueId,
        action,
        stage,
        client.get(),
        parts.code(),
        parts.dsn(),
        parts.subject(),
        parts.reason(),
        reply,
        attributes);
  }

  /** A lower-case action such as {@code reject} or {@code milter-reject} and its colon, or null. */
  static String action(TextCursor cursor) {
    String text = cursor.text();
    int start = cursor.position();
    int end = start;
    while (end < text.length() && end - start <= 40 && isActionChar(text.charAt(end))) {
      end++;
    }
    if (end == start || !text.startsWith(": ", end)) {
      return null;
    }
    cursor.moveTo(end + 2);
    return text.substring(start, end);
  }

  /** An SMTP stage in capitals ({@code RCPT}, {@code END-OF-MESSAGE}), or null. */
  static String stage(TextCursor cursor) {
    String text = cursor.text();
    int start = cursor.position();
    int end = start;
    while (end < text.length() && end - start <= 40 && isStageChar(text.charAt(end))) {
      end++;
    }
    if (end == start) {
      return null;
    }
    cursor.moveTo(end);
    return text.substring(start, end);
  }

  /**
   * Where the {@code ; from=<...> to=<...> proto=... helo=<...>} envelope that ends {@code text}
   * begins (at its semicolon), or -1. The last marker is taken, and only if the pairs after it run
   * to the end, so a semicolon in the reply does not cut it short.
   */
  static int envelopeStart(String text) {
    for (String marker : ENVELOPE_MARKERS) {
      int at = text.lastIndexOf(marker);
      if (at >= 0 && Attributes.scan(text, at + 2, null).end() == text.length()) {
        return at;
      }
    }
    return -1;
  }

  private static boolean isActionChar(char c) {
    return c >= 'a' && c <= 'z' || c == '_' || c == '-';
  }

  private static boolean isStageChar(char c) {
    return c >= 'A' && c <= 'Z' || c == '-';
  }

  /**
   * An SMTP reply split up: {@code 550 5.1.1 <a@example.com>: Recipient address rejected: ...} or
   * {@code 554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org}.
   */
  record Reply(OptionalInt code, Optional<Dsn> dsn, Optional<String> subject, String reason) {

    private static final String DNSBL_PREFIX = "Service unavailable; ";
    private static final String BLOCKED = "] blocked using ";

    static Reply split(String reply) {
      TextCursor cursor = new TextCursor(reply);
      OptionalInt code = OptionalInt.empty();
      if (reply.length() >= 3
          && "245".indexOf(reply.charAt(0)) >= 0
          && TextCursor.isDigit(reply.charAt(1))
          && TextCursor.isDigit(reply.charAt(2))
          && (reply.length() == 3 || reply.charAt(3) == ' ')) {
        code = OptionalInt.of(Integer.parseInt(reply, 0, 3, 10));
        cursor.moveTo(4);
      }
      int mark = cursor.position();
      Optional<Dsn> dsn = Dsn.parse(cursor.word());
      if (dsn.isPresent()) {
        cursor.skip(" ");
      } else {
        cursor.moveTo(mark);
      }
      String rest = cursor.rest();
      if (rest.startsWith("<")) {
        int close = rest.indexOf('>');
        if (close > 0 && (close == rest.length() - 1 || rest.startsWith(">: ", close))) {
          String reason = close == rest.length() - 1 ? "" : rest.substring(close + 3);
          return new Reply(code, dsn, Optional.of(rest.substring(1, close)), reason);
        }
      }
      if (rest.startsWith(DNSBL_PREFIX)) {
        int open = rest.indexOf(" [", DNSBL_PREFIX.length());
        int blocked = open < 0 ? -1 : rest.indexOf(BLOCKED, open);
        if (blocked > open) {
          return new Reply(
              code,
              dsn,
              Optional.of(rest.substring(open + 2, blocked)),
              rest.substring(blocked + 2));
        }
      }
      return new Reply(code, dsn, Optional.empty(), rest);
    }
  }
}
