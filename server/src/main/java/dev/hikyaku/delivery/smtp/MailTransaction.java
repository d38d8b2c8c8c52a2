package dev.hikyaku.delivery.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One mail transaction on an open session (RFC 5321 §3.3): RSET if the session was used before,
 * MAIL, RCPT for each recipient, DATA, the content and the end-of-data dot. With PIPELINING (RFC
 * 2920) MAIL, the RCPTs and DATA go in one batch and the replies are matched in order.
 *
 * <p>Tracks whether the end-of-data dot may have reached the server: before, any failure is safe to
 * retry; after, the outcome is unknown. Single use.
 */
final class MailTransaction {

  private final SmtpConnection connection;
  private final SmtpSettings settings;
  private final EhloExtensions extensions;
  private final List<RecipientReply> recipients = new ArrayList<>();
  private boolean endOfDataSent;
  private boolean sessionSpoilt;

  MailTransaction(SmtpConnection connection, SmtpSettings settings, EhloExtensions extensions) {
    this.connection = connection;
    this.settings = settings;
    this.extensions = extensions;
  }

  /**
   * Whether the session must not be used again: the connection failed, the server is closing (421,
   * RFC 5321 §3.8) or it answered out of step.
   */
  boolean sessionSpoilt() {
    return sessionSpoilt;
  }

  TransactionOutcome run(Envelope envelope, OutboundMessage message, boolean reset) {
    try {
      if (reset) {
        SmtpReply rset = connection.command("RSET", SmtpStage.RSET, settings.commandTimeout());
        if (!rset.isPositiveCompletion()) {
          sessionSpoilt = true; // a server that cannot reset cannot be trusted with a transaction
          return new TransactionOutcome.Rejected(SmtpStage.RSET, rset, List.of());
        }
      }
      String mail = MailCommand.mailFrom(envelope, message, extensions);
      return extensions.pipelining()
          ? pipelined(mail, envelope, message)
          : stepwise(mail, envelope, message);
    } catch (StageException e) {
      sessionSpoilt = true;
      return endOfDataSent
          ? new TransactionOutcome.OutcomeUnknown(e.interruption(), recipients)
          : new TransactionOutcome.Interrupted(e.interruption(), recipients);
    }
  }

  private TransactionOutcome stepwise(String mail, Envelope envelope, OutboundMessage message)
      throws StageException {
    SmtpReply mailReply = connection.command(mail, SmtpStage.MAIL, settings.mailTimeout());
    if (!mailReply.isPositiveCompletion()) {
      return rejected(SmtpStage.MAIL, mailReply);
    }
    for (MailboxPath recipient : envelope.recipients()) {
      SmtpReply reply =
          connection.command(MailCommand.rcptTo(recipient), SmtpStage.RCPT, settings.rcptTimeout());
      recipients.add(new RecipientReply(recipient, reply));
      if (reply.code() == 421) {
        return rejected(SmtpStage.RCPT, reply);
      }
    }
    if (recipients.stream().noneMatch(RecipientReply::accepted)) {
      return new TransactionOutcome.AllRecipientsRefused(mailReply, recipients);
    }
    SmtpReply data = connection.command("DATA", SmtpStage.DATA, settings.dataInitiationTimeout());
    if (data.code() != 354) {
      return rejected(SmtpStage.DATA, data);
    }
    return content(mailReply, message);
  }

  private TransactionOutcome pipelined(String mail, Envelope envelope, OutboundMessage message)
      throws StageException {
    // RFC 2920 §3.1: DATA ends the batch; the client then waits for all replies.
    connection.write(mail, SmtpStage.MAIL);
    for (MailboxPath recipient : envelope.recipients()) {
      connection.write(MailCommand.rcptTo(recipient), SmtpStage.RCPT);
    }
    connection.write("DATA", SmtpStage.DATA);
    connection.flush(SmtpStage.MAIL);
    SmtpReply mailReply = connection.readReply(SmtpStage.MAIL, settings.mailTimeout());
    if (mailReply.code() == 421) {
      return rejected(SmtpStage.MAIL, mailReply);
    }
    for (MailboxPath recipient : envelope.recipients()) {
      SmtpReply reply = connection.readReply(SmtpStage.RCPT, settings.rcptTimeout());
      recipients.add(new RecipientReply(recipient, reply));
      if (reply.code() == 421) {
        return rejected(SmtpStage.RCPT, reply);
      }
    }
    SmtpReply data = connection.readReply(SmtpStage.DATA, settings.dataInitiationTimeout());
    boolean anyAccepted = recipients.stream().anyMatch(RecipientReply::accepted);
    if (data.code() == 354 && (!mailReply.isPositiveCompletion() || !anyAccepted)) {
      // RFC 2920 §3.1: DATA may be accepted after MAIL or every RCPT failed. Sending the dot
      // would hand the server an empty message; closing aborts the transaction (RFC 5321 §3.8).
      sessionSpoilt = true;
    }
    if (!mailReply.isPositiveCompletion()) {
      return rejected(SmtpStage.MAIL, mailReply);
    }
    if (!anyAccepted) {
      return new TransactionOutcome.AllRecipientsRefused(mailReply, recipients);
    }
    if (data.code() != 354) {
      return rejected(SmtpStage.DATA, data);
    }
    return content(mailReply, message);
  }

  /** Sends the content and the end-of-data dot; reads the final reply. */
  private TransactionOutcome content(SmtpReply mailReply, OutboundMessage message)
      throws StageException {
    DotStuffingOutputStream data = new DotStuffingOutputStream(connection.dataOutput());
    try (InputStream in = open(message)) {
      byte[] buffer = new byte[64 * 1024];
      while (true) {
        int n = read(in, buffer);
        if (n < 0) {
          break;
        }
        try {
          data.write(buffer, 0, n);
        } catch (IOException e) {
          throw connection.failure(e, SmtpStage.DATA_BODY);
        }
      }
      // From here on the server may see the end of data, whatever happens to the connection.
      endOfDataSent = true;
      try {
        data.finish();
      } catch (IOException e) {
        throw connection.failure(e, SmtpStage.DATA_END);
      }
    } catch (IOException e) {
      // Only closing the message source can get here; everything was sent by then.
      connection.note("closing the message source failed: " + SmtpConnection.describe(e));
    }
    connection.note("message content sent: " + data.octets() + " octets");
    SmtpReply reply = connection.readReply(SmtpStage.DATA_END, settings.dataTerminationTimeout());
    if (!reply.isPositiveCompletion()) {
      return rejected(SmtpStage.DATA_END, reply);
    }
    return new TransactionOutcome.Delivered(mailReply, recipients, reply);
  }

  private static InputStream open(OutboundMessage message) throws StageException {
    try {
      return message.source().open();
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  private static int read(InputStream in, byte[] buffer) throws StageException {
    try {
      return in.read(buffer);
    } catch (IOException | RuntimeException e) {
      throw unreadable(e);
    }
  }

  private static StageException unreadable(Exception e) {
    // The connection is then closed without the end-of-data dot, so the server discards the
    // partial content (RFC 5321 §3.8).
    return new StageException(
        Interruption.Kind.MESSAGE_UNREADABLE,
        SmtpStage.DATA_BODY,
        "reading the message failed: " + SmtpConnection.describe(e),
        e);
  }

  private TransactionOutcome rejected(SmtpStage stage, SmtpReply reply) {
    if (reply.code() == 421) {
      sessionSpoilt = true; // RFC 5321 §3.8: the server is closing the connection
    }
    return new TransactionOutcome.Rejected(stage, reply, recipients);
  }
}
