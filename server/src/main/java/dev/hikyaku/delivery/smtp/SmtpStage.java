package dev.hikyaku.delivery.smtp;

/** The step of an SMTP session at which something happened, for outcomes and timeouts. */
public enum SmtpStage {
  /** Opening the TCP connection. */
  CONNECT,
  /** Waiting for the 220 greeting (RFC 5321 §4.5.3.2.1). */
  GREETING,
  /** EHLO and its reply. */
  EHLO,
  /** HELO, sent when the server rejected EHLO with 5yz (RFC 5321 §3.2). */
  HELO,
  /** The STARTTLS command and its reply (RFC 3207 §4). */
  STARTTLS,
  /** The TLS handshake after a 220 reply to STARTTLS. */
  TLS_HANDSHAKE,
  /** AUTH and its exchanges (RFC 4954). */
  AUTH,
  /** RSET between two transactions on one connection. */
  RSET,
  /** MAIL FROM and its reply. */
  MAIL,
  /** RCPT TO and its reply. */
  RCPT,
  /** The DATA command and its 354 reply. */
  DATA,
  /** Sending the message content after 354. */
  DATA_BODY,
  /** The end-of-data dot and the final reply to it (RFC 5321 §4.5.3.2.6). */
  DATA_END,
  /** QUIT when closing the session. */
  QUIT
}
