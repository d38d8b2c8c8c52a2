package dev.hikyaku.audience;

import dev.hikyaku.delivery.UnsubscribeRequested;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mail to a List-Unsubscribe {@code mailto:} address (RFC 2369 §3.2) unsubscribes its recipient,
 * whatever the mail says: the address is the request.
 */
@Component
class MailUnsubscribe {

  private final SuppressionService suppressions;

  MailUnsubscribe(SuppressionService suppressions) {
    this.suppressions = suppressions;
  }

  @EventListener
  void on(UnsubscribeRequested request) {
    suppressions.suppress(
        request.recipient(),
        Suppression.Reason.UNSUBSCRIBED,
        request.how() + ", delivery " + request.deliveryId());
  }
}
