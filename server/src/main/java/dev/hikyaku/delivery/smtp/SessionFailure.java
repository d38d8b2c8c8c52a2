package dev.hikyaku.delivery.smtp;

import java.util.Objects;

/**
 * Why a session could not be opened. Nothing of any message was sent; the engine defers and may try
 * another host.
 */
public sealed interface SessionFailure {

  /** The connection failed, timed out, or the server broke the protocol. */
  record Interrupted(Interruption interruption) implements SessionFailure {
    public Interrupted {
      Objects.requireNonNull(interruption, "interruption");
    }
  }

  /**
   * The server refused at {@code stage}: a greeting other than 220 (e.g. 421 busy, 554 no service),
   * EHLO 4yz, HELO, STARTTLS under {@link TlsMode#REQUIRED}, or AUTH (535: wrong credentials).
   */
  record Refused(SmtpStage stage, SmtpReply reply) implements SessionFailure {
    public Refused {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reply, "reply");
    }
  }

  /** {@link TlsMode#REQUIRED} and the server did not announce STARTTLS; nothing else was sent. */
  record TlsNotOffered() implements SessionFailure {}

  /** The TLS handshake failed (no common protocol or cipher, an alert, a broken record). */
  record TlsHandshakeFailed(String detail) implements SessionFailure {
    public TlsHandshakeFailed {
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** {@link TlsMode#REQUIRED} and the certificate did not verify for the server name. */
  record PeerNotVerified(PeerVerification.Unverified verification) implements SessionFailure {
    public PeerNotVerified {
      Objects.requireNonNull(verification, "verification");
    }
  }

  /**
   * Credentials were given but could not be used: the connection is not encrypted, the server does
   * not announce AUTH, or none of its mechanisms is PLAIN or LOGIN. They were not sent.
   */
  record AuthNotPossible(String detail) implements SessionFailure {
    public AuthNotPossible {
      Objects.requireNonNull(detail, "detail");
    }
  }
}
