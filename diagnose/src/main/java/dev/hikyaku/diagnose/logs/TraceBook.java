package dev.hikyaku.diagnose.logs;

import dev.hikyaku.diagnose.Excerpt;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.function.Consumer;

/**
 * The traces the analyzer has open, least recently seen first, and what each message event does to
 * them. A trace closes when its queue file is removed; beyond the limit the least recently seen one
 * is evicted.
 */
final class TraceBook {

  private final AnalyzerLimits limits;
  private final TraceQuery query;
  private final Consumer<MessageTrace> sink;
  private final LinkedHashMap<QueueId, OpenTrace> open = new LinkedHashMap<>(1024, 0.75f, true);
  private long evicted;

  /** {@code sink} receives each closed trace the query matches; null for none. */
  TraceBook(AnalyzerLimits limits, TraceQuery query, Consumer<MessageTrace> sink) {
    this.limits = limits;
    this.query = query;
    this.sink = sink;
  }

  /** The open trace of {@code id}, started if there is none. */
  OpenTrace open(QueueId id, OffsetDateTime time) {
    OpenTrace trace = open.get(id);
    if (trace != null) {
      trace.touch(time);
      return trace;
    }
    trace = new OpenTrace(id, time);
    open.put(id, trace);
    if (open.size() > limits.maxOpenTraces()) {
      Iterator<OpenTrace> eldest = open.values().iterator();
      OpenTrace victim = eldest.next();
      eldest.remove();
      evicted++;
      emit(victim, MessageTrace.End.EVICTED);
    }
    return trace;
  }

  /** The open trace of {@code id}, or null. */
  OpenTrace find(QueueId id) {
    return open.get(id);
  }

  /** Updates {@code trace} (the event's own) with what the event says. */
  void apply(SyslogHeader header, MessageEvent event, OpenTrace trace) {
    int maxNotes = limits.maxNotesPerTrace();
    switch (event) {
      case Delivery delivery -> {
        trace.deliveryAttempt(delivery, header, limits.maxRecipientsPerTrace());
        trace.deferred |=
            delivery.status() == DeliveryStatus.DEFERRED
                || delivery.status() == DeliveryStatus.SOFTBOUNCE;
      }
      case ContentCheck check ->
          trace.note(
              Excerpt.of(
                  check.action()
                      + ": "
                      + check.description()
                      + check.detail().map(": "::concat).orElse(""),
                  200),
              maxNotes);
      case MessageEvent.ClientAccepted accepted -> {
        trace.client = accepted.client();
        accepted.saslUsername().ifPresent(user -> trace.saslUsername = user);
      }
      case MessageEvent.Pickup pickup -> {
        pickup.sender().ifPresent(sender -> trace.sender = sender);
        trace.note(
            "picked up" + (pickup.uid().isPresent() ? " from uid " + pickup.uid().getAsLong() : ""),
            maxNotes);
      }
      case MessageEvent.MessageIdAssigned id -> {
        if (!id.resent()) {
          trace.messageId = id.messageId();
        }
      }
      case MessageEvent.Queued queued -> {
        trace.sender = queued.sender();
        trace.size = queued.size();
      }
      case MessageEvent.Expired expired -> trace.note("expired, returned to sender", maxNotes);
      case MessageEvent.QueueAction action -> {
        if (action.action() == MessageEvent.QueueAction.Action.REMOVED) {
          open.remove(trace.queueId);
          emit(trace, MessageTrace.End.REMOVED);
        } else {
          trace.note(action.action().logText() + " (" + header.processName() + ")", maxNotes);
        }
      }
      case MessageEvent.BounceNotice notice -> {
        trace.notification(notice.notification());
        trace.note(
            notice.notified()
                + " "
                + notice.kind().logText()
                + " notification: "
                + notice.notification(),
            maxNotes);
        open(notice.notification(), header.timestamp()).notificationFor = trace.queueId;
      }
    }
  }

  /** Notes a line that names an open trace without being a message event (a reject, a warning). */
  void note(OpenTrace trace, String text) {
    trace.note(Excerpt.of(text, 200), limits.maxNotesPerTrace());
  }

  /** Reports every trace still open as {@link MessageTrace.End#STILL_OPEN} and forgets them. */
  void closeAll() {
    for (OpenTrace trace : new ArrayList<>(open.values())) {
      emit(trace, MessageTrace.End.STILL_OPEN);
    }
    open.clear();
  }

  int openCount() {
    return open.size();
  }

  long evictedCount() {
    return evicted;
  }

  private void emit(OpenTrace trace, MessageTrace.End end) {
    if (sink == null) {
      return;
    }
    MessageTrace snapshot = trace.snapshot(end);
    if (query.matches(snapshot)) {
      sink.accept(snapshot);
    }
  }
}
