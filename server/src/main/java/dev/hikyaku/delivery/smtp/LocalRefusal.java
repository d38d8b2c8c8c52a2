package dev.hikyaku.delivery.smtp;

/** Why the session did not start a transaction: nothing of it was sent. */
public enum LocalRefusal {
  /** A path or the header needs UTF-8 and the server did not announce SMTPUTF8 (RFC 6531 §3.2). */
  SMTPUTF8_NOT_SUPPORTED,
  /** The message has 8-bit octets and the server did not announce 8BITMIME (RFC 6152 §3). */
  EIGHT_BIT_MIME_NOT_SUPPORTED,
  /** The message is larger than the server's announced SIZE limit (RFC 1870 §6). */
  SIZE_EXCEEDED,
  /** The session is closed, broken, or used for its maximum number of messages. */
  SESSION_NOT_USABLE
}
