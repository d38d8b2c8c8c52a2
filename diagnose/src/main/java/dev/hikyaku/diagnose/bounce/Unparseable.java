package dev.hikyaku.diagnose.bounce;

import java.util.Objects;

/**
 * The message could not be read as a bounce, a complaint or any other message.
 *
 * @param reason what is wrong, in English, for logs and operators
 */
public record Unparseable(String reason) implements BounceResult {

  public Unparseable {
    Objects.requireNonNull(reason, "reason");
    if (reason.isBlank()) {
      throw new IllegalArgumentException("an unparseable message needs a reason");
    }
  }
}
