package dev.hikyaku.campaigns.render;

import java.util.List;
import java.util.Objects;

/** The outcome of composing one message: its bytes, or the characters that kept it from being. */
public sealed interface Composition {

  /** The message was composed. */
  record Composed(ComposedMessage message) implements Composition {
    public Composed {
      Objects.requireNonNull(message, "message");
    }
  }

  /** The charset cannot hold some characters; nothing was written. Never empty. */
  record Unencodable(List<CharsetProblem> problems) implements Composition {
    public Unencodable {
      problems = List.copyOf(problems);
      if (problems.isEmpty()) {
        throw new IllegalArgumentException("an unencodable message has at least one problem");
      }
    }
  }
}
