package dev.hikyaku.diagnose.logs;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One message's path through Postfix, put together from the lines that name its queue ID: the
 * client that sent it, its Message-ID, sender and size, each recipient's outcome, and any bounce
 * notification.
 *
 * @param queueId the queue ID
 * @param firstSeen the time of the first line about it
 * @param lastSeen the time of the last line about it
 * @param client the SMTP client that sent it ({@code client=})
 * @param saslUsername the SASL login it was sent with
 * @param messageId its Message-ID
 * @param sender its envelope sender (empty string for the null sender)
 * @param size its size in bytes
 * @param recipients each recipient's latest outcome, in the order first seen
 * @param recipientsOmitted recipients beyond the limit per trace, not kept
 * @param notificationFor for a bounce notification, the message it is about
 * @param notifications the notifications the bounce daemon sent about this message
 * @param notes other things that happened to it (content checks, rejects, holds, expiry)
 * @param end how the trace ended
 */
public record MessageTrace(
    QueueId queueId,
    OffsetDateTime firstSeen,
    OffsetDateTime lastSeen,
    Optional<Peer> client,
    Optional<String> saslUsername,
    Optional<String> messageId,
    Optional<String> sender,
    OptionalLong size,
    List<RecipientOutcome> recipients,
    int recipientsOmitted,
    Optional<QueueId> notificationFor,
    List<QueueId> notifications,
    List<String> notes,
    End end) {

  public MessageTrace {
    Objects.requireNonNull(queueId, "queueId");
    Objects.requireNonNull(firstSeen, "firstSeen");
    Objects.requireNonNull(lastSeen, "lastSeen");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(saslUsername, "saslUsername");
    Objects.requireNonNull(messageId, "messageId");
    Objects.requireNonNull(sender, "sender");
    Objects.requireNonNull(size, "size");
    recipients = List.copyOf(recipients);
    Objects.requireNonNull(notificationFor, "notificationFor");
    notifications = List.copyOf(notifications);
    notes = List.copyOf(notes);
    Objects.requireNonNull(end, "end");
    if (recipientsOmitted < 0) {
      throw new IllegalArgumentException("recipientsOmitted cannot be negative");
    }
  }

  /** How a trace ended: the queue file was removed, or the analyzer stopped following it. */
  public enum End {
    /** qmgr or postsuper removed the queue file: the trace is complete. */
    REMOVED,
    /** Dropped to stay within {@link AnalyzerLimits#maxOpenTraces()}; later lines start anew. */
    EVICTED,
    /** Still in the queue when the log ended. */
    STILL_OPEN
  }

  /** The outcome for {@code recipient} (compared case-insensitively), if one was logged. */
  public Optional<RecipientOutcome> outcome(String recipient) {
    String wanted = Addresses.canonical(recipient);
    return recipients.stream()
        .filter(r -> Addresses.canonical(r.recipient()).equals(wanted))
        .findFirst();
  }
}
