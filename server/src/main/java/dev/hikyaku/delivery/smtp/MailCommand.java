package dev.hikyaku.delivery.smtp;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The MAIL FROM and RCPT TO command lines, and the checks that keep a transaction the server cannot
 * take from being started at all.
 */
final class MailCommand {

  private MailCommand() {}

  /**
   * Why the server cannot take this transaction, judged from its EHLO reply; empty if it can. The
   * paths or header need SMTPUTF8 (RFC 6531 §3.2: not without the extension), the content needs
   * 8BITMIME (RFC 6152 §3: no 8-bit content without it; we do not convert), or the message exceeds
   * the SIZE limit (RFC 1870 §6: the client should not send it).
   */
  static Optional<TransactionOutcome.NotSent> refusal(
      Envelope envelope, OutboundMessage message, EhloExtensions extensions) {
    if ((envelope.requiresSmtpUtf8() || message.requiresSmtpUtf8()) && !extensions.smtpUtf8()) {
      return Optional.of(
          new TransactionOutcome.NotSent(
              LocalRefusal.SMTPUTF8_NOT_SUPPORTED,
              "the envelope or header has UTF-8 and the server does not announce SMTPUTF8"));
    }
    if (message.eightBit() && !extensions.eightBitMime()) {
      return Optional.of(
          new TransactionOutcome.NotSent(
              LocalRefusal.EIGHT_BIT_MIME_NOT_SUPPORTED,
              "the message has 8-bit content and the server does not announce 8BITMIME"));
    }
    OptionalLong limit = extensions.sizeLimit();
    if (limit.isPresent() && message.size() > limit.getAsLong()) {
      return Optional.of(
          new TransactionOutcome.NotSent(
              LocalRefusal.SIZE_EXCEEDED,
              "the message has "
                  + message.size()
                  + " octets, the server's SIZE limit is "
                  + limit.getAsLong()));
    }
    return Optional.empty();
  }

  /** {@code MAIL FROM:<path>} with SIZE (RFC 1870 §6), BODY (RFC 6152 §3), SMTPUTF8 (RFC 6531). */
  static String mailFrom(Envelope envelope, OutboundMessage message, EhloExtensions extensions) {
    StringBuilder line = new StringBuilder("MAIL FROM:<");
    envelope.returnPath().ifPresent(path -> line.append(path.address()));
    line.append('>');
    if (extensions.size()) {
      line.append(" SIZE=").append(message.size());
    }
    if (message.eightBit() && extensions.eightBitMime()) {
      line.append(" BODY=8BITMIME");
    }
    if ((envelope.requiresSmtpUtf8() || message.requiresSmtpUtf8()) && extensions.smtpUtf8()) {
      line.append(" SMTPUTF8");
    }
    return line.toString();
  }

  /** {@code RCPT TO:<path>}. */
  static String rcptTo(MailboxPath recipient) {
    return "RCPT TO:<" + recipient.address() + ">";
  }
}
