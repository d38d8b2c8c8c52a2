package dev.hikyaku.diagnose.bounce;

import java.util.Objects;
import java.util.Optional;

/**
 * An automatic answer such as a vacation or out-of-office notice (RFC 3834): the message reached
 * the recipient, so it is not a bounce and must not suppress anyone.
 *
 * @param signal what gave it away, such as {@code Auto-Submitted: auto-replied} or {@code subject:
 *     自動応答}
 * @param subject the decoded Subject, if there is one
 * @param from the From field as written, if there is one
 */
public record AutoReply(String signal, Optional<String> subject, Optional<String> from)
    implements BounceResult {

  public AutoReply {
    Objects.requireNonNull(signal, "signal");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(from, "from");
    if (signal.isBlank()) {
      throw new IllegalArgumentException("an auto-reply needs the signal that identified it");
    }
  }
}
