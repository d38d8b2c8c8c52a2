package dev.hikyaku.domains;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What verification found for one expected record, and what to do about it.
 *
 * @param expected the record as Hikyaku suggests it
 * @param status found, missing, different, or not checkable now
 * @param found the values published under the name (TXT strings joined), if any
 * @param reason a stable code for the console's words, e.g. {@code spf.ip-not-authorised}
 * @param detail the same in English, with the specifics, for the API and the CLI
 * @param suggestion a better value to publish than {@code expected.value()}, when the published
 *     record must be merged rather than replaced (SPF) or the next policy step (DMARC)
 */
public record RecordCheck(
    ExpectedRecord expected,
    Status status,
    List<String> found,
    String reason,
    String detail,
    Optional<String> suggestion) {

  /** The verdict on one record. */
  public enum Status {
    FOUND,
    MISSING,
    DIFFERENT,
    UNREACHABLE
  }

  public RecordCheck {
    Objects.requireNonNull(expected, "expected");
    Objects.requireNonNull(status, "status");
    found = List.copyOf(found);
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(suggestion, "suggestion");
  }

  static RecordCheck found(ExpectedRecord e, List<String> found, String reason, String detail) {
    return new RecordCheck(e, Status.FOUND, found, reason, detail, Optional.empty());
  }

  static RecordCheck missing(ExpectedRecord e, String reason, String detail) {
    return new RecordCheck(e, Status.MISSING, List.of(), reason, detail, Optional.empty());
  }

  static RecordCheck different(ExpectedRecord e, List<String> found, String reason, String detail) {
    return new RecordCheck(e, Status.DIFFERENT, found, reason, detail, Optional.empty());
  }

  static RecordCheck unreachable(ExpectedRecord e, String detail) {
    return new RecordCheck(
        e, Status.UNREACHABLE, List.of(), "dns.unreachable", detail, Optional.empty());
  }

  RecordCheck withSuggestion(String value) {
    return new RecordCheck(expected, status, found, reason, detail, Optional.of(value));
  }

  /** Whether this record stands in the way of verification. */
  public boolean blocking() {
    return expected.required() && status != Status.FOUND;
  }

  /** One line for the stored summary and logs. */
  public String summaryLine() {
    return expected.kind() + " " + expected.name() + ": " + status + " (" + reason + ")";
  }
}
