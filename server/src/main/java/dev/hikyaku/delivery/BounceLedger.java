package dev.hikyaku.delivery;

import java.time.Clock;
import java.util.Objects;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Where what arrives after a delivery (bounce reports, complaints, mailto unsubscribes) lands on
 * the delivery: as an attempt in its history, a move to {@code BOUNCED}, and the events the
 * audience suppresses on. Runs in the caller's transaction; the listeners of the events are
 * synchronous, so the suppression commits (or not) together with the report.
 */
@Component
public class BounceLedger {

  /** The attempt route of everything that came back by mail. */
  public static final String ROUTE = "bounce";

  private final QueueRepository queue;
  private final ApplicationEventPublisher events;
  private final Clock clock;
  private final dev.hikyaku.platform.ClusterLease lease;

  BounceLedger(
      QueueRepository queue,
      ApplicationEventPublisher events,
      Clock clock,
      dev.hikyaku.platform.ClusterLease lease) {
    this.lease = lease;
    this.queue = queue;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Adds a report to the delivery's attempts, so the per-recipient lookup shows it.
   *
   * @param outcome such as {@code BOUNCED}, {@code FAILED}, {@code DELAYED}, {@code COMPLAINED}
   * @param code the SMTP reply code the report quotes, if any
   * @param enhanced the enhanced status code (RFC 3463), or empty
   * @param host the system that reported it (Remote-MTA or Reporting-MTA), or empty
   */
  public void record(
      DeliveryRecord delivery,
      String outcome,
      Integer code,
      String enhanced,
      String reply,
      String host) {
    Objects.requireNonNull(delivery, "delivery");
    queue.recordAttempt(
        new Attempt(
            delivery.id(),
            clock.instant(),
            ROUTE,
            Objects.requireNonNullElse(host, ""),
            "",
            Objects.requireNonNull(outcome, "outcome"),
            code,
            Objects.requireNonNullElse(enhanced, ""),
            Objects.requireNonNullElse(reply, ""),
            "",
            "",
            false,
            0,
            lease.node()));
  }

  /**
   * A hard bounce after the fact: a delivered or deferred message becomes {@code BOUNCED} and the
   * recipient is suppressed (through {@link MessageBounced}, which the audience audits). Returns
   * whether the delivery's state changed; the suppression is asked for either way (it is
   * idempotent), because an address that bounced at delivery time may arrive here again.
   */
  public boolean bounce(DeliveryRecord delivery, Integer code, String reply) {
    boolean changed = queue.markBounced(delivery.id(), code, reply, clock.instant());
    events.publishEvent(new MessageBounced(delivery.id(), delivery.recipient(), true, reply));
    return changed;
  }

  /** The recipient complained (a feedback-loop report): the audience suppresses the address. */
  public void complaint(DeliveryRecord delivery, String feedbackType) {
    events.publishEvent(new ComplaintReceived(delivery.id(), delivery.recipient(), feedbackType));
  }

  /** The recipient asked to unsubscribe by mail: the audience suppresses the address. */
  public void unsubscribe(DeliveryRecord delivery, String how) {
    events.publishEvent(new UnsubscribeRequested(delivery.id(), delivery.recipient(), how));
  }
}
