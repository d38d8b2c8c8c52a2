package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which traces to report, like a {@code --trace} option: those with one of the queue IDs, one of
 * the addresses as sender or recipient, or one of the Message-IDs. A query with nothing in it
 * matches every trace.
 *
 * @param queueIds queue IDs; a message also matches through its bounce notification's ID
 * @param addresses envelope addresses, compared case-insensitively
 * @param messageIds Message-IDs, with or without angle brackets
 */
public record TraceQuery(Set<String> queueIds, Set<String> addresses, Set<String> messageIds) {

  /** Every trace. */
  public static final TraceQuery ALL = new TraceQuery(Set.of(), Set.of(), Set.of());

  public TraceQuery {
    queueIds = Set.copyOf(queueIds);
    addresses =
        addresses.stream().map(Addresses::canonical).collect(Collectors.toUnmodifiableSet());
    messageIds =
        messageIds.stream().map(Attributes::unbracket).collect(Collectors.toUnmodifiableSet());
  }

  /** The traces of one queue ID. */
  public static TraceQuery queueId(String queueId) {
    return new TraceQuery(Set.of(queueId), Set.of(), Set.of());
  }

  /** The traces with {@code address} as sender, recipient or original recipient. */
  public static TraceQuery address(String address) {
    return new TraceQuery(Set.of(), Set.of(address), Set.of());
  }

  /** The traces of one Message-ID. */
  public static TraceQuery messageId(String messageId) {
    return new TraceQuery(Set.of(), Set.of(), Set.of(messageId));
  }

  /** Whether {@code trace} is one of those asked for. */
  public boolean matches(MessageTrace trace) {
    Objects.requireNonNull(trace, "trace");
    if (queueIds.isEmpty() && addresses.isEmpty() && messageIds.isEmpty()) {
      return true;
    }
    if (queueIds.contains(trace.queueId().value())
        || trace.notificationFor().filter(id -> queueIds.contains(id.value())).isPresent()
        || trace.notifications().stream().anyMatch(id -> queueIds.contains(id.value()))) {
      return true;
    }
    if (trace.messageId().filter(messageIds::contains).isPresent()) {
      return true;
    }
    if (addresses.isEmpty()) {
      return false;
    }
    if (trace.sender().map(Addresses::canonical).filter(addresses::contains).isPresent()) {
      return true;
    }
    return trace.recipients().stream()
        .anyMatch(r ->
            addresses.contains(Addresses.canonical(r.recipient()))
                || r.originalRecipient()
                    .map(Addresses::canonical)
                    .filter(addresses::contains)
                    .isPresent());
  }
}
