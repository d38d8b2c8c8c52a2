package dev.hikyaku.diagnose.headers;

import java.util.Objects;

/**
 * One thing the header analysis found.
 *
 * @param severity how much it matters
 * @param code a stable identifier such as {@code hop.clock-skew}, for translation and machines
 * @param message what was found, in English
 * @param where the part of the message it is about, such as {@code hop 3} or {@code Date}
 */
public record Finding(Severity severity, String code, String message, String where) {

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(where, "where");
    if (code.isBlank()) {
      throw new IllegalArgumentException("a finding needs a code");
    }
  }
}
