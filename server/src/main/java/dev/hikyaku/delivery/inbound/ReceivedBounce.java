package dev.hikyaku.delivery.inbound;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One message the bounce listener accepted, without its content.
 *
 * @param envelopeFrom the MAIL FROM, usually empty (bounces have a null return path)
 * @param recipient the {@code bounce+} or {@code unsubscribe+} address it was sent to
 * @param token the delivery token in that address
 * @param deliveryId the delivery, unless it has been deleted since
 * @param verdict what it was taken for
 * @param summary one line for operators: status, class and diagnostic, or why nothing was done
 * @param size the message's size in octets
 */
public record ReceivedBounce(
    long id,
    Instant receivedAt,
    String envelopeFrom,
    String recipient,
    String token,
    Optional<Long> deliveryId,
    Verdict verdict,
    String summary,
    int size) {

  public ReceivedBounce {
    Objects.requireNonNull(receivedAt, "receivedAt");
    Objects.requireNonNull(envelopeFrom, "envelopeFrom");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(deliveryId, "deliveryId");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
  }
}
