package dev.hikyaku.delivery.smtp;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SMTP envelope of one transaction: the return path (MAIL FROM) and the recipients (RCPT TO).
 *
 * @param returnPath where bounces go; empty for the null reverse-path {@code <>} of delivery status
 *     notifications (RFC 5321 §4.5.5)
 * @param recipients 1 to 100 distinct mailboxes; RFC 5321 §4.5.3.1.8 only obliges servers to accept
 *     100 per transaction, and a bounded list also keeps a pipelined batch (RFC 2920 §3.1) within
 *     the socket buffers
 */
public record Envelope(Optional<MailboxPath> returnPath, List<MailboxPath> recipients) {

  /** The most recipients of one transaction. */
  public static final int MAX_RECIPIENTS = 100;

  public Envelope {
    Objects.requireNonNull(returnPath, "returnPath");
    recipients = List.copyOf(recipients);
    if (recipients.isEmpty() || recipients.size() > MAX_RECIPIENTS) {
      throw new IllegalArgumentException(
          "an envelope has 1 to " + MAX_RECIPIENTS + " recipients, not " + recipients.size());
    }
    if (new HashSet<>(recipients).size() != recipients.size()) {
      throw new IllegalArgumentException("an envelope lists each recipient once");
    }
  }

  /** An envelope with a return path. */
  public static Envelope of(MailboxPath returnPath, List<MailboxPath> recipients) {
    return new Envelope(Optional.of(returnPath), recipients);
  }

  /** An envelope with a return path. */
  public static Envelope of(MailboxPath returnPath, MailboxPath... recipients) {
    return of(returnPath, List.of(recipients));
  }

  /** An envelope with the null reverse-path, for notifications that must not bounce. */
  public static Envelope withNullReturnPath(List<MailboxPath> recipients) {
    return new Envelope(Optional.empty(), recipients);
  }

  /** Whether a path has non-ASCII characters, which needs SMTPUTF8 (RFC 6531 §3.4). */
  public boolean requiresSmtpUtf8() {
    return returnPath.map(MailboxPath::requiresSmtpUtf8).orElse(false)
        || recipients.stream().anyMatch(MailboxPath::requiresSmtpUtf8);
  }
}
