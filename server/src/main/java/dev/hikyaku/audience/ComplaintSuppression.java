package dev.hikyaku.audience;

import dev.hikyaku.delivery.ComplaintReceived;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A feedback-loop complaint puts the address on the suppression list as complained. */
@Component
class ComplaintSuppression {

  private final SuppressionService suppressions;

  ComplaintSuppression(SuppressionService suppressions) {
    this.suppressions = suppressions;
  }

  @EventListener
  void on(ComplaintReceived complaint) {
    suppressions.suppress(
        complaint.recipient(),
        Suppression.Reason.COMPLAINED,
        "feedback report (" + complaint.feedbackType() + "), delivery " + complaint.deliveryId());
  }
}
