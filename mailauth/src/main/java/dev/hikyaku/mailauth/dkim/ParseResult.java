package dev.hikyaku.mailauth.dkim;

import java.util.Objects;

/**
 * The outcome of parsing a DKIM text such as a signature field or a key record: the value, or the
 * reason it is invalid. Parsers return this instead of throwing, so bad input from the network
 * never escapes as an exception.
 *
 * @param <T> the parsed value's type
 */
public sealed interface ParseResult<T> {

  /** The text was valid. */
  record Valid<T>(T value) implements ParseResult<T> {
    public Valid {
      Objects.requireNonNull(value, "value");
    }
  }

  /** The text was invalid; {@code reason} says why, for logs and Authentication-Results. */
  record Invalid<T>(String reason) implements ParseResult<T> {
    public Invalid {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** A valid result. */
  static <T> ParseResult<T> valid(T value) {
    return new Valid<>(value);
  }

  /** An invalid result with its reason. */
  static <T> ParseResult<T> invalid(String reason) {
    return new Invalid<>(reason);
  }
}
