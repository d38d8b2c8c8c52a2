package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.headers.Finding;
import dev.hikyaku.diagnose.headers.Severity;
import java.util.Objects;

/**
 * One thing the encoding analysis found, with its cause and the fix in words.
 *
 * @param severity how much it matters
 * @param code a stable identifier such as {@code body.charset-mismatch}, for translation and
 *     machines
 * @param cause what was found and why it happens, in English, such as "Subject contains raw 8-bit
 *     bytes that decode as Shift_JIS: the sending client did not encode the header (RFC 2047)"
 * @param fix what to change, and where, in English
 * @param where the part of the message it is about, such as {@code Subject} or {@code part 1.2}
 */
public record EncodingFinding(
    Severity severity, String code, String cause, String fix, String where) {

  public EncodingFinding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(cause, "cause");
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(where, "where");
    if (code.isBlank() || cause.isBlank() || fix.isBlank()) {
      throw new IllegalArgumentException("a finding needs a code, a cause and a fix");
    }
  }

  /** The cause and the fix in one line: {@code cause; fix: fix}. */
  public String message() {
    return cause + "; fix: " + fix;
  }

  /** The same finding in the shape of the header analysis, for lists that mix both. */
  public Finding toFinding() {
    return new Finding(severity, code, message(), where);
  }
}
