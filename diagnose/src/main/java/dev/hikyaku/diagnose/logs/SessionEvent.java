package dev.hikyaku.diagnose.logs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/** An event in an SMTP session, on the receiving side (smtpd) or the sending side (smtp, lmtp). */
public sealed interface SessionEvent extends PostfixEvent
    permits Reject,
        TlsEstablished,
        ConnectionTrouble,
        SessionEvent.ClientConnected,
        SessionEvent.ClientDisconnected,
        SessionEvent.SaslFailed,
        SessionEvent.ProxyResult,
        SessionEvent.RemoteReply,
        SessionEvent.PixWorkarounds,
        SessionEvent.EhloKeywordsDiscarded {

  /**
   * smtpd: {@code connect from host[ip]}.
   *
   * @param client the SMTP client
   */
  record ClientConnected(Peer client) implements SessionEvent {
    public ClientConnected {
      Objects.requireNonNull(client, "client");
    }
  }

  /**
   * smtpd: {@code disconnect from host[ip]}, with the command statistics of Postfix 3.0 and later.
   *
   * @param client the SMTP client
   * @param commands the commands it sent and how many succeeded
   */
  record ClientDisconnected(Peer client, Optional<CommandCounts> commands) implements SessionEvent {
    public ClientDisconnected {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(commands, "commands");
    }
  }

  /**
   * smtpd: a client failed SASL authentication ({@code warning: host[ip]: SASL LOGIN authentication
   * failed: ...}).
   *
   * @param client the SMTP client
   * @param mechanism the SASL mechanism, such as {@code LOGIN} or {@code PLAIN}
   * @param message the text after the client, starting with {@code SASL}
   */
  record SaslFailed(Peer client, String mechanism, String message) implements SessionEvent {
    public SaslFailed {
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(mechanism, "mechanism");
      Objects.requireNonNull(message, "message");
    }
  }

  /**
   * smtpd with a before-queue content filter: {@code proxy-accept:} or {@code proxy-reject:} and
   * the filter's reply.
   *
   * @param queueId the queue ID, if the message had one
   * @param accepted whether the filter accepted the message
   * @param stage the SMTP stage, such as {@code END-OF-MESSAGE}
   * @param reply the filter's reply as logged (may be empty)
   * @param code the reply code, if the reply starts with one
   * @param dsn the enhanced status code, if the reply has one
   * @param attributes the envelope: {@code from=}, {@code to=}, {@code proto=}, {@code helo=}
   */
  record ProxyResult(
      Optional<QueueId> queueId,
      boolean accepted,
      String stage,
      String reply,
      OptionalInt code,
      Optional<Dsn> dsn,
      Attributes attributes)
      implements SessionEvent {
    public ProxyResult {
      Objects.requireNonNull(queueId, "queueId");
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reply, "reply");
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(dsn, "dsn");
      Objects.requireNonNull(attributes, "attributes");
    }
  }

  /**
   * smtp or lmtp: the remote server replied with an error outside a delivery line: {@code host
   * X[ip] said: ... (in reply to RCPT TO command)}, {@code host X[ip] refused to talk to me: ...},
   * or {@code SASL authentication failed; server X[ip] said: ...}.
   *
   * @param queueId the queue ID of the message being sent, if logged
   * @param kind which of those it was
   * @param server the remote server
   * @param response the server's reply
   * @param inReplyTo the command it replied to, such as {@code RCPT TO} or {@code end of DATA}
   */
  record RemoteReply(
      Optional<QueueId> queueId,
      Kind kind,
      Peer server,
      String response,
      Optional<String> inReplyTo)
      implements SessionEvent {
    public RemoteReply {
      Objects.requireNonNull(queueId, "queueId");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(server, "server");
      Objects.requireNonNull(response, "response");
      Objects.requireNonNull(inReplyTo, "inReplyTo");
    }

    /** How the server's reply came about. */
    public enum Kind {
      SAID,
      REFUSED_TO_TALK,
      SASL_AUTHENTICATION_FAILED
    }
  }

  /**
   * smtp: {@code enabling PIX workarounds: disable_esmtp delay_dotcrlf for host[ip]:25}.
   *
   * @param queueId the queue ID of the message being sent, if logged
   * @param workarounds the workarounds enabled
   * @param server the remote server behind the firewall
   */
  record PixWorkarounds(Optional<QueueId> queueId, List<String> workarounds, Peer server)
      implements SessionEvent {
    public PixWorkarounds {
      Objects.requireNonNull(queueId, "queueId");
      workarounds = List.copyOf(workarounds);
      Objects.requireNonNull(server, "server");
    }
  }

  /**
   * smtpd: {@code discarding EHLO keywords: CHUNKING ETRN} ({@code smtpd_discard_ehlo_keywords}).
   *
   * @param keywords the EHLO keywords not announced
   */
  record EhloKeywordsDiscarded(List<String> keywords) implements SessionEvent {
    public EhloKeywordsDiscarded {
      keywords = List.copyOf(keywords);
    }
  }
}
