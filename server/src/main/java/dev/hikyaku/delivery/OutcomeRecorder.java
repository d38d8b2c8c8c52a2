package dev.hikyaku.delivery;

import dev.hikyaku.platform.ClusterLease;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;

/**
 * Records what one attempt at one claimed message came to: the message's new state (delivered,
 * bounced, deferred with its next retry, or bounced for good past the maximum age), the attempt
 * itself, and a {@link MessageBounced} event for a bounce.
 */
final class OutcomeRecorder {

  private final QueueRepository queue;
  private final ClusterLease lease;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final DeliveryProperties properties;
  private final Backoff backoff;

  OutcomeRecorder(
      QueueRepository queue,
      ClusterLease lease,
      Clock clock,
      ApplicationEventPublisher events,
      DeliveryProperties properties) {
    this.queue = queue;
    this.lease = lease;
    this.clock = clock;
    this.events = events;
    this.properties = properties;
    this.backoff = new Backoff(properties.retryBase(), properties.retryMax(), properties.maxAge());
  }

  void record(QueueRepository.Claimed c, Transport.Sent sent, String route) {
    Instant now = clock.instant();
    DeliveryOutcome o = sent.outcome();
    String node = lease.node();
    switch (o) {
      case DeliveryOutcome.Delivered d ->
          queue.finish(c.id(), node, DeliveryState.DELIVERED, d.code(), d.reply(), now);
      case DeliveryOutcome.Bounced b -> {
        queue.finish(c.id(), node, DeliveryState.BOUNCED, b.code(), b.reply(), now);
        events.publishEvent(new MessageBounced(c.id(), c.recipient(), b.hard(), b.reply()));
      }
      case DeliveryOutcome.Deferred d -> {
        Instant retry = backoff.next(c.attempts(), c.queuedAt(), now);
        if (retry == null) {
          String reply = "gave up after " + properties.maxAge() + ": " + d.reply();
          queue.finish(c.id(), node, DeliveryState.BOUNCED, d.code(), reply, now);
          events.publishEvent(new MessageBounced(c.id(), c.recipient(), false, reply));
        } else {
          queue.defer(c.id(), node, d.code(), d.reply(), retry);
        }
      }
    }
    queue.recordAttempt(
        new Attempt(
            c.id(),
            now,
            route,
            sent.host(),
            sent.address(),
            switch (o) {
              case DeliveryOutcome.Delivered d -> "DELIVERED";
              case DeliveryOutcome.Deferred d -> "DEFERRED";
              case DeliveryOutcome.Bounced b -> "BOUNCED";
            },
            code(o),
            o instanceof DeliveryOutcome.Bounced b ? b.enhanced() : "",
            o.reply(),
            sent.tls().protocol(),
            sent.tls().cipher(),
            sent.tls().verified(),
            sent.durationMs(),
            node));
  }

  private static Integer code(DeliveryOutcome o) {
    int code =
        switch (o) {
          case DeliveryOutcome.Delivered d -> d.code();
          case DeliveryOutcome.Deferred d -> d.code();
          case DeliveryOutcome.Bounced b -> b.code();
        };
    return code == 0 ? null : code;
  }
}
