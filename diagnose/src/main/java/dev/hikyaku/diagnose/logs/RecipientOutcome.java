package dev.hikyaku.diagnose.logs;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * The latest delivery attempt for one recipient of a message, and how many attempts there were.
 *
 * @param recipient the recipient
 * @param originalRecipient the recipient before aliasing or forwarding
 * @param status the outcome of the latest attempt
 * @param dsn its enhanced status code
 * @param relay where it went
 * @param delay the time from arrival to the latest attempt
 * @param response the server's reply or the reason
 * @param at when the latest attempt was logged
 * @param agent the delivery agent that logged it ({@code smtp}, {@code lmtp}, {@code local}, ...)
 * @param attempts how many attempts this trace saw
 */
public record RecipientOutcome(
    String recipient,
    Optional<String> originalRecipient,
    DeliveryStatus status,
    Optional<Dsn> dsn,
    Relay relay,
    Optional<Duration> delay,
    String response,
    OffsetDateTime at,
    String agent,
    int attempts) {

  public RecipientOutcome {
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(originalRecipient, "originalRecipient");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(dsn, "dsn");
    Objects.requireNonNull(relay, "relay");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(agent, "agent");
    if (attempts < 1) {
      throw new IllegalArgumentException("an outcome needs at least one attempt");
    }
  }

  static RecipientOutcome of(Delivery delivery, SyslogHeader header, int attempts) {
    return new RecipientOutcome(
        delivery.recipient(),
        delivery.originalRecipient(),
        delivery.status(),
        delivery.dsn(),
        delivery.relay(),
        delivery.delay(),
        delivery.response(),
        header.timestamp(),
        header.processName(),
        attempts);
  }
}
