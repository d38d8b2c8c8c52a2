package dev.hikyaku.diagnose.bounce;

import java.util.Objects;
import java.util.Optional;

/**
 * A readable message that is neither a delivery report, a complaint nor an auto-reply, such as a
 * person answering the campaign; nothing about any recipient follows from it.
 *
 * @param subject the decoded Subject, if there is one, for logs
 */
public record NotABounce(Optional<String> subject) implements BounceResult {

  public NotABounce {
    Objects.requireNonNull(subject, "subject");
  }
}
