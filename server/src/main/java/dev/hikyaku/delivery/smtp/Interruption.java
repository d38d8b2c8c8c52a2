package dev.hikyaku.delivery.smtp;

import java.util.Objects;

/**
 * A session that stopped without a reply to act on: a timeout, a lost connection, a server that
 * broke the protocol, or a message that could not be read.
 *
 * @param kind what went wrong
 * @param stage where it went wrong
 * @param detail a description for logs (never contains credentials)
 */
public record Interruption(Kind kind, SmtpStage stage, String detail) {

  /** What went wrong. */
  public enum Kind {
    /** The TCP connection could not be opened. */
    CONNECT_FAILED,
    /** The server did not answer, or did not accept data, within the stage's timeout. */
    TIMEOUT,
    /** The connection was closed or reset. */
    CONNECTION_LOST,
    /** The server sent something that is not a valid reply, or too much of it. */
    PROTOCOL_VIOLATION,
    /** The message content could not be read locally; nothing past it was sent. */
    MESSAGE_UNREADABLE
  }

  public Interruption {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(detail, "detail");
  }

  @Override
  public String toString() {
    return kind + " at " + stage + ": " + detail;
  }
}
