package dev.hikyaku.diagnose.logs;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** A message the analyzer is still following: mutable, package-private, one per queue ID. */
final class OpenTrace {

  final QueueId queueId;
  private final OffsetDateTime firstSeen;
  private OffsetDateTime lastSeen;
  Peer client;
  String saslUsername;
  String messageId;
  String sender;
  long size = -1;
  QueueId notificationFor;
  boolean deferred;
  private final Map<String, RecipientOutcome> recipients = new LinkedHashMap<>();
  private int recipientsOmitted;
  private final List<QueueId> notifications = new ArrayList<>(1);
  private final List<String> notes = new ArrayList<>(0);

  OpenTrace(QueueId queueId, OffsetDateTime firstSeen) {
    this.queueId = queueId;
    this.firstSeen = firstSeen;
    this.lastSeen = firstSeen;
  }

  void touch(OffsetDateTime time) {
    if (time.isAfter(lastSeen)) {
      lastSeen = time;
    }
  }

  /** Records an attempt, keeping the latest outcome per recipient and counting the attempts. */
  void deliveryAttempt(Delivery delivery, SyslogHeader header, int maxRecipients) {
    String key = Addresses.canonical(delivery.recipient());
    RecipientOutcome previous = recipients.get(key);
    if (previous == null && recipients.size() >= maxRecipients) {
      recipientsOmitted++;
      return;
    }
    int attempts = previous == null ? 1 : previous.attempts() + 1;
    recipients.put(key, RecipientOutcome.of(delivery, header, attempts));
  }

  void notification(QueueId id) {
    if (!notifications.contains(id)) {
      notifications.add(id);
    }
  }

  void note(String text, int maxNotes) {
    if (notes.size() < maxNotes) {
      notes.add(text);
    }
  }

  MessageTrace snapshot(MessageTrace.End end) {
    return new MessageTrace(
        queueId,
        firstSeen,
        lastSeen,
        Optional.ofNullable(client),
        Optional.ofNullable(saslUsername),
        Optional.ofNullable(messageId),
        Optional.ofNullable(sender),
        size < 0 ? OptionalLong.empty() : OptionalLong.of(size),
        List.copyOf(recipients.values()),
        recipientsOmitted,
        Optional.ofNullable(notificationFor),
        notifications,
        notes,
        end);
  }
}
