package dev.hikyaku.delivery.smtp;

import java.util.Objects;

/**
 * The server's reply to RCPT TO for one recipient.
 *
 * @param recipient the mailbox
 * @param reply 250/251 accepted, 4yz refused for now, 5yz refused for good
 */
public record RecipientReply(MailboxPath recipient, SmtpReply reply) {

  public RecipientReply {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(reply, "reply");
  }

  /** Whether the server accepted the recipient (2yz, RFC 5321 §4.1.1.3). */
  public boolean accepted() {
    return reply.isPositiveCompletion();
  }
}
