package dev.hikyaku.delivery.smtp;

/**
 * Receives the lines of a session as they pass, for the delivery log. Credentials are never passed:
 * AUTH lines are replaced by a placeholder, and message content by its octet count. Called on the
 * thread using the session; must not throw.
 */
@FunctionalInterface
public interface SmtpTranscript {

  /** Who a line is from. */
  enum Direction {
    /** A command this client sent. */
    SENT,
    /** A reply line the server sent. */
    RECEIVED,
    /** A note of this client: TLS established, message content sent, connection closed. */
    NOTE
  }

  /** One line, without CRLF. */
  void line(Direction direction, String line);

  /** A transcript that discards everything. */
  static SmtpTranscript none() {
    return (direction, line) -> {};
  }
}
