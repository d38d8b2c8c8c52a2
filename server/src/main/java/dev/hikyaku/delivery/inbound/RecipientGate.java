package dev.hikyaku.delivery.inbound;

import dev.hikyaku.delivery.DeliveryRecord;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Decides at RCPT time whether the listener takes a recipient: only {@code bounce+} and {@code
 * unsubscribe+} addresses at an accepted domain whose token names a delivery. Everything else is
 * refused, so the listener is neither an open relay nor a spam trap that accepts and drops.
 */
final class RecipientGate {

  /** A recipient taken, with the delivery its token names. */
  record Admitted(InboundRecipient recipient, DeliveryRecord delivery) {
    Admitted {
      Objects.requireNonNull(recipient, "recipient");
      Objects.requireNonNull(delivery, "delivery");
    }
  }

  private final Predicate<String> acceptedDomain;
  private final Function<String, Optional<DeliveryRecord>> deliveries;

  /**
   * @param acceptedDomain whether a (lower-case) domain is one of ours
   * @param deliveries the delivery a token names
   */
  RecipientGate(
      Predicate<String> acceptedDomain, Function<String, Optional<DeliveryRecord>> deliveries) {
    this.acceptedDomain = Objects.requireNonNull(acceptedDomain, "acceptedDomain");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
  }

  /** The recipient and its delivery, or empty when the listener must refuse it. */
  Optional<Admitted> admit(String envelopeRecipient) {
    return InboundRecipient.parse(envelopeRecipient)
        .filter(r -> acceptedDomain.test(r.domain()))
        .flatMap(r -> deliveries.apply(r.token()).map(d -> new Admitted(r, d)));
  }
}
