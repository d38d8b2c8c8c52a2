package dev.hikyaku.diagnosis.intake;

import java.util.Objects;

/**
 * One finding of an analyzer, as the report keeps it.
 *
 * @param source which analysis found it: {@code headers}, {@code authentication}, {@code encoding},
 *     {@code bounce} or {@code logs}
 * @param severity {@code INFO}, {@code WARNING} or {@code PROBLEM}
 * @param code the analyzer's stable code, such as {@code hop.delay}; {@code intake.code.<code>} in
 *     the bundles names it in the reader's language
 * @param message what the analyzer said, in English
 * @param where the part of the message or log it is about
 */
public record ReportFinding(
    String source, String severity, String code, String message, String where) {

  public ReportFinding {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(where, "where");
  }

  ReportFinding map(TextMapper f) {
    return new ReportFinding(source, severity, code, f.apply(message), f.apply(where));
  }
}
