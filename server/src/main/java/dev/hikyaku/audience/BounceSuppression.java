package dev.hikyaku.audience;

import dev.hikyaku.delivery.MessageBounced;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A hard bounce puts the address on the suppression list, so no campaign tries it again. */
@Component
class BounceSuppression {

  private final SuppressionService suppressions;

  BounceSuppression(SuppressionService suppressions) {
    this.suppressions = suppressions;
  }

  @EventListener
  void on(MessageBounced bounced) {
    if (bounced.hard()) {
      suppressions.suppress(bounced.recipient(), Suppression.Reason.BOUNCED, bounced.reply());
    }
  }
}
