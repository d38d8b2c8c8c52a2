package dev.hikyaku.diagnose.logs;

import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the SMTP and LMTP clients' lines other than deliveries: TLS, connection trouble, the remote
 * server's error replies, and PIX workarounds.
 */
final class SmtpParser {

  /** Phrases before the peer, with the problem each names; the error follows {@code ": "}. */
  private static final String[][] FAILURES = {
    {"connect to ", "connect failed"},
    {"SSL_connect error to ", "SSL_connect error"},
    {"certificate verification failed for ", "certificate verification failed"},
    {"server certificate verification failed for ", "server certificate verification failed"},
  };

  private static final String IN_REPLY_TO = " (in reply to ";
  private static final String COMMAND_END = " command)";

  private SmtpParser() {}

  /** The event in {@code text} (after any queue ID), or null. */
  static PostfixEvent parse(Optional<QueueId> queueId, String text) {
    if (queueId.isPresent() && text.startsWith("to=")) {
      return DeliveryParser.parse(queueId.get(), text);
    }
    for (String[] failure : FAILURES) {
      if (text.startsWith(failure[0])) {
        return failure(queueId, failure[1], new TextCursor(text, failure[0].length()));
      }
    }
    if (text.startsWith("lost connection with ")) {
      return whileDoing(queueId, "lost connection", text, "lost connection with ", " while ");
    }
    if (text.startsWith("conversation with ")) {
      return whileDoing(
          queueId, "conversation timed out", text, "conversation with ", " timed out while ");
    }
    if (text.startsWith("host ")) {
      return hostReply(queueId, text);
    }
    if (text.startsWith("SASL authentication failed; server ")) {
      TextCursor cursor = new TextCursor(text, "SASL authentication failed; server ".length());
      return reply(
          queueId, SessionEvent.RemoteReply.Kind.SASL_AUTHENTICATION_FAILED, cursor, " said: ");
    }
    if (text.startsWith("enabling PIX workarounds: ")) {
      return pixWorkarounds(queueId, text);
    }
    return TlsParser.parse(text);
  }

  private static PostfixEvent failure(
      Optional<QueueId> queueId, String problem, TextCursor cursor) {
    Optional<Peer> server = Peer.read(cursor);
    if (server.isEmpty() || !cursor.skip(": ")) {
      return null;
    }
    return new ConnectionTrouble(
        queueId,
        problem,
        Optional.empty(),
        server.get(),
        Optional.empty(),
        Optional.of(cursor.rest()),
        true);
  }

  private static PostfixEvent whileDoing(
      Optional<QueueId> queueId, String problem, String text, String prefix, String infix) {
    TextCursor cursor = new TextCursor(text, prefix.length());
    Optional<Peer> server = Peer.read(cursor);
    if (server.isEmpty() || !cursor.skip(infix)) {
      return null;
    }
    return new ConnectionTrouble(
        queueId,
        problem,
        Optional.empty(),
        server.get(),
        Optional.of(cursor.rest()),
        Optional.empty(),
        true);
  }

  /** {@code host mx[ip] said: 450 ... (in reply to RCPT TO command)} or {@code refused to talk}. */
  private static PostfixEvent hostReply(Optional<QueueId> queueId, String text) {
    TextCursor cursor = new TextCursor(text, "host ".length());
    int mark = cursor.position();
    Optional<Peer> server = Peer.read(cursor);
    if (server.isEmpty()) {
      return null;
    }
    if (cursor.lookingAt(" said: ")) {
      cursor.moveTo(mark);
      return reply(queueId, SessionEvent.RemoteReply.Kind.SAID, cursor, " said: ");
    }
    cursor.moveTo(mark);
    return reply(
        queueId, SessionEvent.RemoteReply.Kind.REFUSED_TO_TALK, cursor, " refused to talk to me: ");
  }

  private static PostfixEvent reply(
      Optional<QueueId> queueId,
      SessionEvent.RemoteReply.Kind kind,
      TextCursor cursor,
      String infix) {
    Optional<Peer> server = Peer.read(cursor);
    if (server.isEmpty() || !cursor.skip(infix)) {
      return null;
    }
    String response = cursor.rest();
    Optional<String> inReplyTo = Optional.empty();
    int in = response.lastIndexOf(IN_REPLY_TO);
    if (in >= 0
        && response.endsWith(COMMAND_END)
        && in + IN_REPLY_TO.length() <= response.length() - COMMAND_END.length()) {
      inReplyTo =
          Optional.of(
              response.substring(
                  in + IN_REPLY_TO.length(), response.length() - COMMAND_END.length()));
      response = response.substring(0, in);
    }
    return new SessionEvent.RemoteReply(queueId, kind, server.get(), response, inReplyTo);
  }

  private static PostfixEvent pixWorkarounds(Optional<QueueId> queueId, String text) {
    String rest = text.substring("enabling PIX workarounds: ".length());
    int forAt = rest.lastIndexOf(" for ");
    if (forAt <= 0) {
      return null;
    }
    return Peer.parse(rest.substring(forAt + " for ".length()))
        .map(server ->
            new SessionEvent.PixWorkarounds(
                queueId, Arrays.asList(rest.substring(0, forAt).split(" ")), server))
        .orElse(null);
  }
}
