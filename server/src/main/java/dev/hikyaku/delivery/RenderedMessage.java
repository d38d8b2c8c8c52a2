package dev.hikyaku.delivery;

import java.util.Objects;

/**
 * A message ready for the wire.
 *
 * @param envelopeFrom the MAIL FROM address (the VERP return path)
 * @param recipient the RCPT TO address, the only one
 * @param subject for the capture mailbox and logs
 * @param content the bytes, CRLF line ends, DKIM signatures included
 */
public record RenderedMessage(
    String envelopeFrom, String recipient, String subject, byte[] content) {

  public RenderedMessage {
    Objects.requireNonNull(envelopeFrom, "envelopeFrom");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(content, "content");
  }
}
