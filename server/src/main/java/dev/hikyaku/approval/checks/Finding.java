package dev.hikyaku.approval.checks;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One thing a pre-send check found.
 *
 * <p>{@code code} is a stable kebab-case id; the console shows the message key {@code check.<code>}
 * with {@code args} as {@code {0}, {1}, ...}. The codes and their arguments:
 *
 * <ul>
 *   <li>{@code attachment-address-list} [count]: email addresses in a file; in a table, one finding
 *       per column, counting the rows that hold one.
 *   <li>{@code attachment-my-number} [count], {@code attachment-card-number} [count], {@code
 *       attachment-phone-numbers} [count]: personal data in a file, counted like addresses.
 *   <li>{@code attachment-blocked-type} [extension]: an extension on the policy's blocked list.
 *   <li>{@code attachment-deceptive-name} [real extension]: a name that hides its real extension
 *       (bidi controls such as U+202E, or a document extension before a blocked one).
 *   <li>{@code attachment-executable-content} []: a Windows or Linux program under another name.
 *   <li>{@code attachment-encrypted-archive} [encrypted entries]: a password-protected ZIP (PPAP).
 *   <li>{@code attachment-encrypted-document} []: a password-protected Office file.
 *   <li>{@code attachment-macro} []: a macro-enabled Office file.
 *   <li>{@code attachment-uninspectable} [format]: an archive or document this check cannot read.
 *   <li>{@code attachment-damaged} [format]: a file that claims a format but does not follow it.
 *   <li>{@code attachment-archive-too-deep} [limit], {@code attachment-archive-too-many-entries}
 *       [limit], {@code attachment-archive-too-large} [limit in MB]: an archive beyond the policy's
 *       limits; what lies beyond them was not inspected.
 *   <li>{@code content-address-list} [count]: addresses visible in a body, other than the sender's.
 *   <li>{@code content-recipient-header} [header, count]: a {@code To:}/{@code Cc:}/{@code 宛先:}
 *       line with addresses, as pasted from a mail client.
 *   <li>{@code content-my-number} [count], {@code content-card-number} [count]: personal data in a
 *       body.
 *   <li>{@code content-link-mismatch} [shown domain, real domain]: a link whose text shows another
 *       organisation's domain than its href goes to.
 *   <li>{@code more-findings} [count, code]: findings of one code at one place beyond the first 20,
 *       summarised.
 * </ul>
 *
 * @param severity whether the finding stops the send or only informs the approver
 * @param code the stable id of what was found
 * @param location where, language-neutral: {@code attachment customers.csv, column 3 (email)},
 *     {@code attachment archive.zip > tools/setup.exe}, {@code html line 40}
 * @param args the message arguments, in the order the message key expects them
 * @param message one English sentence for the API and logs
 */
public record Finding(
    Severity severity, String code, String location, List<String> args, String message) {

  private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  /** Whether a finding stops the send. */
  public enum Severity {
    /** The send cannot go ahead until the content is changed. */
    BLOCKING,
    /** The approver sees it; the send may go ahead. */
    WARNING
  }

  public Finding {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
    if (!CODE.matcher(code).matches()) {
      throw new IllegalArgumentException("not a kebab-case finding code: " + code);
    }
    if (location.isBlank() || message.isBlank()) {
      throw new IllegalArgumentException("a finding needs a location and a message: " + code);
    }
    args = List.copyOf(args);
  }

  /** The message key the console shows for this finding: {@code check.<code>}. */
  public String messageKey() {
    return "check." + code;
  }

  /** Whether this finding stops the send. */
  public boolean blocking() {
    return severity == Severity.BLOCKING;
  }
}
