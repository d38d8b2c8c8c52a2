package dev.hikyaku.diagnose.logs;

import java.util.Objects;
import java.util.Optional;

/**
 * cleanup acted on a message's content: a {@code header_checks} or {@code body_checks} rule matched
 * ({@code reject}, {@code warning}, {@code hold}, {@code discard}, {@code prepend}, ...), or a
 * milter replied ({@code milter-reject}, {@code milter-header-redirect}, ...).
 *
 * <p>Postfix writes {@code ACTION: PART CONTENT from CLIENT; from=<> to=<> proto= helo=<>: DETAIL}
 * for rules (src/cleanup/cleanup_message.c) and {@code ACTION: STAGE from CLIENT: REPLY; from=<>
 * ...} for a milter's reply.
 *
 * @param queue the message's queue ID
 * @param action the action, as logged
 * @param description what matched, as logged between the action and the semicolon
 * @param part {@code header}, {@code body} and the like for a rule; the SMTP stage (such as {@code
 *     END-OF-MESSAGE}) for a milter's reply
 * @param content the header or body line that matched; empty for a milter's reply
 * @param client the SMTP client; empty for mail submitted locally ({@code from local})
 * @param attributes the envelope: {@code from=}, {@code to=}, {@code proto=}, {@code helo=}
 * @param detail the rule's text (the reject reason, the prepended header, the redirect address) or
 *     the milter's reply
 */
public record ContentCheck(
    QueueId queue,
    String action,
    String description,
    String part,
    String content,
    Optional<Peer> client,
    Attributes attributes,
    Optional<String> detail)
    implements MessageEvent {

  public ContentCheck {
    Objects.requireNonNull(queue, "queue");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(client, "client");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(detail, "detail");
    if (action.isEmpty()) {
      throw new IllegalArgumentException("a content check has an action");
    }
  }

  /** Whether a milter decided this, rather than a header or body check. */
  public boolean fromMilter() {
    return action.startsWith("milter-");
  }

  /** Whether the message was refused or dropped ({@code reject}, {@code discard} or a milter's). */
  public boolean stopsMessage() {
    String bare = fromMilter() ? action.substring("milter-".length()) : action;
    return bare.equals("reject") || bare.equals("discard");
  }
}
