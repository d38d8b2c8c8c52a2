package dev.hikyaku.delivery.smtp;

import java.util.List;
import java.util.Objects;

/**
 * What became of one mail transaction ({@link SmtpSession#send}), told apart as the delivery engine
 * needs it to put every recipient into a known state.
 *
 * <p>The recipient lists hold the RCPT replies received, in envelope order; a recipient without a
 * reply was not answered (the transaction ended before).
 */
public sealed interface TransactionOutcome {

  /**
   * The server took responsibility for the message (2yz to the end-of-data dot) for every recipient
   * it accepted; the others were refused with their own reply.
   */
  record Delivered(SmtpReply mailReply, List<RecipientReply> recipients, SmtpReply dataReply)
      implements TransactionOutcome {
    public Delivered {
      Objects.requireNonNull(mailReply, "mailReply");
      recipients = List.copyOf(recipients);
      Objects.requireNonNull(dataReply, "dataReply");
    }

    /** The recipients the message was delivered to. */
    public List<MailboxPath> accepted() {
      return recipients.stream()
          .filter(RecipientReply::accepted)
          .map(RecipientReply::recipient)
          .toList();
    }

    /** The recipients the server refused, with its reply to each. */
    public List<RecipientReply> refused() {
      return recipients.stream().filter(r -> !r.accepted()).toList();
    }
  }

  /** The server refused every recipient; no message content was sent. */
  record AllRecipientsRefused(SmtpReply mailReply, List<RecipientReply> recipients)
      implements TransactionOutcome {
    public AllRecipientsRefused {
      Objects.requireNonNull(mailReply, "mailReply");
      recipients = List.copyOf(recipients);
    }
  }

  /**
   * The server rejected the whole transaction at {@code stage} with {@code reply}: RSET, MAIL, a
   * 421 (closing) to RCPT, DATA, or the end-of-data dot ({@link SmtpStage#DATA_END}); nothing was
   * delivered to anyone. 4yz is worth retrying, 5yz is not.
   */
  record Rejected(SmtpStage stage, SmtpReply reply, List<RecipientReply> recipients)
      implements TransactionOutcome {
    public Rejected {
      Objects.requireNonNull(stage, "stage");
      Objects.requireNonNull(reply, "reply");
      recipients = List.copyOf(recipients);
    }
  }

  /** The session refused to start the transaction; nothing of it was sent. */
  record NotSent(LocalRefusal refusal, String detail) implements TransactionOutcome {
    public NotSent {
      Objects.requireNonNull(refusal, "refusal");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /**
   * The session ended before the end-of-data dot was sent: the server cannot have accepted the
   * message (RFC 5321 §3.8: a server aborts a transaction whose connection is lost), so it is safe
   * to send again to every recipient. The session is closed.
   */
  record Interrupted(Interruption interruption, List<RecipientReply> recipients)
      implements TransactionOutcome {
    public Interrupted {
      Objects.requireNonNull(interruption, "interruption");
      recipients = List.copyOf(recipients);
    }
  }

  /**
   * The end-of-data dot was sent (or being sent) but no reply to it arrived: the server may have
   * accepted the message for the accepted recipients (RFC 1047). Sending again risks a duplicate;
   * not sending risks a loss. The session is closed.
   */
  record OutcomeUnknown(Interruption interruption, List<RecipientReply> recipients)
      implements TransactionOutcome {
    public OutcomeUnknown {
      Objects.requireNonNull(interruption, "interruption");
      recipients = List.copyOf(recipients);
    }

    /** The recipients that may have the message. */
    public List<MailboxPath> possiblyDelivered() {
      return recipients.stream()
          .filter(RecipientReply::accepted)
          .map(RecipientReply::recipient)
          .toList();
    }
  }
}
