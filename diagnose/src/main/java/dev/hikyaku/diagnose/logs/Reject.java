package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * smtpd or postscreen refused (or otherwise acted on) a command: {@code NOQUEUE: reject: RCPT from
 * host[ip]: 550 5.1.1 <a@example.com>: Recipient address rejected: User unknown; from=<...>
 * to=<...> proto=ESMTP helo=<...>}.
 *
 * <p>The reply is split the way administrators read it: the code, the enhanced code, what it is
 * about (the address in angle brackets, or the host a DNSBL listed), and the reason.
 *
 * @param queueId the queue ID; empty for {@code NOQUEUE} (refused before a queue file existed)
 * @param action {@code reject}, {@code reject_warning}, {@code discard}, {@code hold}, {@code
 *     filter}, {@code redirect}, {@code milter-reject}, ...
 * @param stage the SMTP stage, such as {@code RCPT}, {@code MAIL}, {@code CONNECT} or {@code DATA}
 * @param client the SMTP client
 * @param code the SMTP reply code, if the reply has one
 * @param dsn the enhanced status code, if the reply has one
 * @param subject what the reply is about: the address in angle brackets, or the client, HELO name
 *     or address a DNSBL listed
 * @param reason the reason, without code and subject
 * @param reply the whole reply as logged
 * @param attributes the envelope: {@code from=}, {@code to=}, {@code proto=}, {@code helo=}
 */
public record Reject(
    Optional<QueueId> queueId,
    String action,
    String stage,
    Peer client,
    OptionalInt code,
    Optional<Dsn> dsn,
    Optional<String> subject,
    String reason,
    String reply,
    Attributes attributes)
    implements SessionEvent {

  public Reject {
    Objects.requireNonNull(queueId, "queueId");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(stage, "stage");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(dsn, "dsn");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(attributes, "attributes");
    if (action.isEmpty() || stage.isEmpty()) {
      throw new IllegalArgumentException("a reject has an action and a stage");
    }
  }

  /** The envelope sender ({@code from=}), without angle brackets. */
  public Optional<String> sender() {
    return attributes.address("from");
  }

  /** The recipient ({@code to=}), without angle brackets. */
  public Optional<String> recipient() {
    return attributes.address("to");
  }

  /** The HELO name the client gave ({@code helo=}). */
  public Optional<String> helo() {
    return attributes.address("helo");
  }

  /** {@code SMTP} or {@code ESMTP} ({@code proto=}). */
  public Optional<String> protocol() {
    return attributes.get("proto");
  }
}
