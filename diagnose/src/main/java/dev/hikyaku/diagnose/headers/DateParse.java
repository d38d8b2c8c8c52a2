package dev.hikyaku.diagnose.headers;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of reading one date-time with {@link MailDate#parse}. */
public sealed interface DateParse {

  /**
   * The text was read as a date-time.
   *
   * @param value the instant with the zone offset the text gave (UTC when it gave none usable)
   * @param notes the obsolete or lenient forms accepted, for humans; empty for a strict RFC 5322
   *     §3.3 date-time
   */
  record Parsed(OffsetDateTime value, List<String> notes) implements DateParse {
    public Parsed {
      Objects.requireNonNull(value, "value");
      notes = List.copyOf(notes);
    }
  }

  /**
   * The text is not a date-time.
   *
   * @param problem what is wrong, for humans
   */
  record Invalid(String problem) implements DateParse {
    public Invalid {
      Objects.requireNonNull(problem, "problem");
    }
  }

  /** The date-time, if the text could be read. */
  default Optional<OffsetDateTime> dateTime() {
    return switch (this) {
      case Parsed parsed -> Optional.of(parsed.value());
      case Invalid invalid -> Optional.empty();
    };
  }
}
