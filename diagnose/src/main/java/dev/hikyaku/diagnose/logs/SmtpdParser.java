package dev.hikyaku.diagnose.logs;

import java.util.Arrays;
import java.util.Optional;

/** Reads smtpd's lines: connections, accepted messages, rejects, TLS, and lost connections. */
final class SmtpdParser {

  private static final String PROXY_ACCEPT = "proxy-accept: ";
  private static final String PROXY_REJECT = "proxy-reject: ";

  private SmtpdParser() {}

  /** The event in {@code text} (after any queue ID or {@code NOQUEUE:}), or null. */
  static PostfixEvent parse(Optional<QueueId> queueId, boolean noQueue, String text) {
    if (queueId.isPresent() && text.startsWith("client=")) {
      return clientAccepted(queueId.get(), text);
    }
    if (text.startsWith(PROXY_ACCEPT) || text.startsWith(PROXY_REJECT)) {
      return proxyResult(queueId, text);
    }
    if (queueId.isPresent() || noQueue) {
      return RejectParser.parse(queueId, text);
    }
    if (text.startsWith("connect from ")) {
      return Peer.parse(text.substring("connect from ".length()))
          .map(SessionEvent.ClientConnected::new)
          .orElse(null);
    }
    if (text.startsWith("disconnect from ")) {
      return disconnected(text);
    }
    if (text.startsWith("discarding EHLO keywords: ")) {
      String keywords = text.substring("discarding EHLO keywords: ".length());
      return new SessionEvent.EhloKeywordsDiscarded(Arrays.asList(keywords.split(" ")));
    }
    TlsEstablished tls = TlsParser.parse(text);
    return tls != null ? tls : trouble(text);
  }

  /** smtpd's {@code warning: host[ip]: SASL LOGIN authentication failed: ...}, or null. */
  static SessionEvent.SaslFailed saslFailed(String text) {
    TextCursor cursor = new TextCursor(text);
    Optional<Peer> client = Peer.read(cursor);
    if (client.isEmpty() || !cursor.skip(": ")) {
      return null;
    }
    String message = cursor.rest();
    if (!cursor.skip("SASL ")) {
      return null;
    }
    String mechanism = cursor.word();
    if (mechanism.isEmpty() || !cursor.lookingAt(" authentication failed")) {
      return null;
    }
    return new SessionEvent.SaslFailed(client.get(), mechanism, message);
  }

  private static PostfixEvent clientAccepted(QueueId queue, String text) {
    Attributes attributes = Attributes.scan(text, 0, null).attributes();
    return attributes
        .get("client")
        .flatMap(Peer::parse)
        .map(client ->
            new MessageEvent.ClientAccepted(
                queue,
                client,
                attributes.get("sasl_method"),
                attributes.get("sasl_username"),
                attributes))
        .orElse(null);
  }

  private static PostfixEvent disconnected(String text) {
    TextCursor cursor = new TextCursor(text, "disconnect from ".length());
    Optional<Peer> client = Peer.read(cursor);
    if (client.isEmpty()) {
      return null;
    }
    if (cursor.atEnd()) {
      return new SessionEvent.ClientDisconnected(client.get(), Optional.empty());
    }
    if (!cursor.skip(" ")) {
      return null;
    }
    Optional<CommandCounts> counts = CommandCounts.parse(cursor.rest());
    return counts.isEmpty() ? null : new SessionEvent.ClientDisconnected(client.get(), counts);
  }

  /** {@code proxy-reject: END-OF-MESSAGE: 554 5.7.0 reply; from=<> to=<> ...}. */
  private static PostfixEvent proxyResult(Optional<QueueId> queueId, String text) {
    boolean accepted = text.startsWith(PROXY_ACCEPT);
    TextCursor cursor = new TextCursor(text, PROXY_ACCEPT.length());
    String stage = RejectParser.stage(cursor);
    if (stage == null || !cursor.skip(": ")) {
      return null;
    }
    String rest = cursor.rest();
    int envelope = RejectParser.envelopeStart(rest);
    String reply = envelope < 0 ? rest : rest.substring(0, envelope);
    Attributes attributes =
        envelope < 0 ? Attributes.NONE : Attributes.scan(rest, envelope + 2, null).attributes();
    RejectParser.Reply parts = RejectParser.Reply.split(reply);
    return new SessionEvent.ProxyResult(
        queueId, accepted, stage, reply, parts.code(), parts.dsn(), attributes);
  }

  /**
   * {@code lost connection after DATA (123 bytes) from host[ip]}, {@code timeout after ...}, {@code
   * SSL_accept error from host[ip]: -1}, {@code improper command pipelining after EHLO from
   * host[ip]: ...}; or null.
   */
  private static PostfixEvent trouble(String text) {
    int from = text.indexOf(" from ");
    // The problem is a short phrase in Postfix's words; anything longer is some other message.
    if (from <= 0 || from > 80 || text.lastIndexOf(':', from) >= 0) {
      return null;
    }
    String head = text.substring(0, from);
    int after = head.indexOf(" after ");
    String problem = after < 0 ? head : head.substring(0, after);
    Optional<String> stage = Optional.empty();
    if (after >= 0) {
      String stageText = head.substring(after + " after ".length());
      int space = stageText.indexOf(' ');
      stage = Optional.of(space < 0 ? stageText : stageText.substring(0, space));
    }
    TextCursor cursor = new TextCursor(text, from + " from ".length());
    Optional<Peer> client = Peer.read(cursor);
    if (client.isEmpty() || problem.isEmpty() || stage.filter(String::isEmpty).isPresent()) {
      return null;
    }
    Optional<String> error = Optional.empty();
    if (cursor.skip(": ")) {
      error = Optional.of(cursor.rest());
    } else if (!cursor.atEnd()) {
      return null;
    }
    return new ConnectionTrouble(
        Optional.empty(), problem, stage, client.get(), Optional.empty(), error, false);
  }
}
