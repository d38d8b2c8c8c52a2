package dev.hikyaku.diagnose.logs;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * One delivery attempt for one recipient, as smtp, lmtp, local, virtual, pipe, error or discard
 * logs it: {@code to=<...>, relay=..., delay=..., delays=..., dsn=..., status=... (response)}.
 *
 * @param queue the message's queue ID
 * @param recipient the recipient ({@code to=}), without angle brackets
 * @param originalRecipient the recipient before aliasing or forwarding ({@code orig_to=})
 * @param relay where the message went ({@code relay=})
 * @param delay the time from arrival to this attempt ({@code delay=})
 * @param delays the four parts of that time ({@code delays=})
 * @param dsn the enhanced status code ({@code dsn=})
 * @param tls the TLS features ({@code tls=}, Postfix 3.10 and later)
 * @param status the outcome
 * @param response the text in parentheses after the status: the server's reply or the reason
 * @param attributes the {@code key=value} section before {@code status=}, as logged
 */
public record Delivery(
    QueueId queue,
    String recipient,
    Optional<String> originalRecipient,
    Relay relay,
    Optional<Duration> delay,
    Optional<Delays> delays,
    Optional<Dsn> dsn,
    Optional<TlsFeatures> tls,
    DeliveryStatus status,
    String response,
    Attributes attributes)
    implements MessageEvent {

  public Delivery {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(recipient, "recipient");
    Objects.requireNonNull(originalRecipient, "originalRecipient");
    Objects.requireNonNull(relay, "relay");
    Objects.requireNonNull(delay, "delay");
    Objects.requireNonNull(delays, "delays");
    Objects.requireNonNull(dsn, "dsn");
    Objects.requireNonNull(tls, "tls");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(response, "response");
    Objects.requireNonNull(attributes, "attributes");
  }

  /** The recipient's domain (after the last {@code @}, in lower case), or empty if it has none. */
  public Optional<String> recipientDomain() {
    return Addresses.domain(recipient);
  }
}
