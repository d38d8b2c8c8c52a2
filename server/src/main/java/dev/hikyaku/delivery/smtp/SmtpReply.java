package dev.hikyaku.delivery.smtp;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One reply of an SMTP server (RFC 5321 §4.2): the three-digit code, the enhanced status code (RFC
 * 3463) when the first line starts with one, and the text of each line as received, without the
 * code and separator.
 *
 * @param code 200 to 599; RFC 5321 §4.2.1 defines no 1yz replies for SMTP
 * @param enhancedStatus the RFC 3463 code; its class always equals the first digit of {@code code}
 * @param lines at least one line (possibly empty), none containing CR or LF
 */
public record SmtpReply(int code, Optional<EnhancedStatusCode> enhancedStatus, List<String> lines) {

  public SmtpReply {
    if (code < 200 || code > 599) {
      throw new IllegalArgumentException("SMTP reply code out of range 200-599: " + code);
    }
    Objects.requireNonNull(enhancedStatus, "enhancedStatus");
    lines = List.copyOf(lines);
    if (lines.isEmpty()) {
      throw new IllegalArgumentException("an SMTP reply has at least one line");
    }
    for (String line : lines) {
      if (line.indexOf('\r') >= 0 || line.indexOf('\n') >= 0) {
        throw new IllegalArgumentException("a reply line cannot contain CR or LF");
      }
    }
    if (enhancedStatus.isPresent() && enhancedStatus.get().statusClass() != code / 100) {
      throw new IllegalArgumentException(
          "enhanced status " + enhancedStatus.get() + " does not match reply code " + code);
    }
  }

  /**
   * A reply with the enhanced status code taken from the first line, if it starts with one of the
   * same class as {@code code} (RFC 3463 §2; a mismatching one is left as text).
   */
  public static SmtpReply of(int code, List<String> lines) {
    Optional<EnhancedStatusCode> enhanced =
        lines.isEmpty()
            ? Optional.empty()
            : EnhancedStatusCode.leading(lines.get(0)).filter(e -> e.statusClass() == code / 100);
    return new SmtpReply(code, enhanced, lines);
  }

  /** A reply; see {@link #of(int, List)}. */
  public static SmtpReply of(int code, String... lines) {
    return of(code, List.of(lines));
  }

  /** A 2yz (positive completion) or 3yz (positive intermediate) reply, RFC 5321 §4.2.1. */
  public boolean isPositive() {
    return code < 400;
  }

  /** A 2yz reply: the requested action was completed. */
  public boolean isPositiveCompletion() {
    return code / 100 == 2;
  }

  /** A 3yz reply: the server waits for more (354 after DATA, 334 during AUTH). */
  public boolean isPositiveIntermediate() {
    return code / 100 == 3;
  }

  /** A 4yz reply: the action failed but may succeed if tried again later. */
  public boolean isTransient() {
    return code / 100 == 4;
  }

  /** A 5yz reply: the action failed and should not be retried as it was. */
  public boolean isPermanent() {
    return code / 100 == 5;
  }

  /** The text of all lines joined by a space. */
  public String text() {
    return String.join(" ", lines);
  }

  /** The reply as one line, e.g. {@code 550 5.1.1 no such user}; safe to log. */
  @Override
  public String toString() {
    String text = text();
    return text.isEmpty() ? Integer.toString(code) : code + " " + text;
  }
}
