package dev.hikyaku.delivery.mtasts;

import java.util.Objects;

/**
 * Why a policy file was refused (RFC 8461 §3.2); each says what was wrong in {@link #message()}.
 */
public sealed interface PolicyError {

  /** A sentence for logs and the delivery record. */
  String message();

  /** A required field ({@code version}, {@code mode}, {@code max_age}, {@code mx}) is absent. */
  record MissingField(String field) implements PolicyError {
    public MissingField {
      Objects.requireNonNull(field, "field");
    }

    @Override
    public String message() {
      return "the policy has no " + field + " field";
    }
  }

  /** A line is not {@code key: value} with a valid key and printable ASCII. */
  record MalformedLine(int lineNumber, String line) implements PolicyError {
    public MalformedLine {
      line = MxPattern.printable(Objects.requireNonNull(line, "line"));
    }

    @Override
    public String message() {
      return "line " + lineNumber + " of the policy is not a key: value pair: " + line;
    }
  }

  /** The {@code version} is not {@code STSv1}. */
  record UnsupportedVersion(String value) implements PolicyError {
    public UnsupportedVersion {
      value = MxPattern.printable(Objects.requireNonNull(value, "value"));
    }

    @Override
    public String message() {
      return "the policy version " + value + " is not STSv1";
    }
  }

  /** The {@code mode} is not {@code enforce}, {@code testing} or {@code none}. */
  record UnknownMode(String value) implements PolicyError {
    public UnknownMode {
      value = MxPattern.printable(Objects.requireNonNull(value, "value"));
    }

    @Override
    public String message() {
      return "the policy mode " + value + " is not enforce, testing or none";
    }
  }

  /** The {@code max_age} is not 1 to 10 digits. */
  record InvalidMaxAge(String value) implements PolicyError {
    public InvalidMaxAge {
      value = MxPattern.printable(Objects.requireNonNull(value, "value"));
    }

    @Override
    public String message() {
      return "the policy max_age " + value + " is not a number of seconds";
    }
  }

  /** The {@code max_age} exceeds 31557600 seconds, about one year (RFC 8461 §3.2). */
  record MaxAgeTooLarge(long seconds) implements PolicyError {
    @Override
    public String message() {
      return "the policy max_age "
          + seconds
          + " exceeds "
          + MtaStsPolicy.MAX_AGE_LIMIT.toSeconds()
          + " seconds";
    }
  }

  /** An {@code mx} value is neither a host name nor {@code *.} followed by one. */
  record InvalidMxPattern(String value) implements PolicyError {
    public InvalidMxPattern {
      value = MxPattern.printable(Objects.requireNonNull(value, "value"));
    }

    @Override
    public String message() {
      return "the policy mx " + value + " is not a host name or a *. wildcard";
    }
  }
}
