package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.Excerpt;
import dev.hikyaku.diagnose.logs.Dsn;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The Diagnostic-Code of a per-recipient block (RFC 3464 §2.3.6): what the remote system said, with
 * the type of that text.
 *
 * @param type the diagnostic type, lower case, usually {@code smtp}; {@code x-unix}, {@code
 *     x-postfix} and others occur; {@value #UNSPECIFIED} when the field gave none and the text is
 *     not an SMTP reply
 * @param text the text, unfolded, runs of white space made one space, control characters replaced,
 *     at most {@value #MAX_TEXT} characters and an ellipsis where it was cut
 */
public record DiagnosticCode(String type, String text) {

  /** The longest text kept; real replies with their help URLs are under 500 characters. */
  public static final int MAX_TEXT = 1_000;

  /** The type given to text that came without one and is not an SMTP reply. */
  public static final String UNSPECIFIED = "x-unspecified";

  public DiagnosticCode {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(text, "text");
    type = type.toLowerCase(Locale.ROOT);
    if (type.isBlank()
        || type.length() > 40
        || !type.chars().allMatch(DiagnosticCode::isTypeChar)) {
      throw new IllegalArgumentException("a diagnostic type is letters, digits and '-': " + type);
    }
    if (text.length() > MAX_TEXT + 1) {
      throw new IllegalArgumentException("diagnostic text is at most " + MAX_TEXT + " characters");
    }
  }

  /**
   * Reads a Diagnostic-Code field value: {@code type; text}. A value without a type is taken as
   * {@code smtp} when it starts with a reply code, else as {@value #UNSPECIFIED}.
   */
  public static DiagnosticCode parse(String fieldValue) {
    String value = fieldValue == null ? "" : fieldValue;
    int semicolon = value.indexOf(';');
    String type = semicolon > 0 ? value.substring(0, semicolon).strip() : "";
    if (!type.isEmpty()
        && type.length() <= 40
        && type.chars().allMatch(DiagnosticCode::isTypeChar)) {
      return new DiagnosticCode(type, clean(value.substring(semicolon + 1)));
    }
    return ofText(value);
  }

  /** Text without a type: {@code smtp} when it starts with a reply code. */
  static DiagnosticCode ofText(String text) {
    String cleaned = clean(text);
    return new DiagnosticCode(
        SmtpText.leadingReplyCode(cleaned).isPresent() ? "smtp" : UNSPECIFIED, cleaned);
  }

  /** The SMTP reply code the text starts with (RFC 5321 §4.2), such as 550. */
  public OptionalInt replyCode() {
    return SmtpText.leadingReplyCode(text);
  }

  /** The first enhanced status code in the text (RFC 3463), such as 5.1.1. */
  public Optional<Dsn> enhancedStatus() {
    return SmtpText.enhancedStatus(text);
  }

  private static String clean(String text) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_TEXT + 1));
    boolean space = false;
    for (int i = 0; i < text.length() && out.length() <= MAX_TEXT; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = true;
      } else {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return Excerpt.of(out.toString(), MAX_TEXT);
  }

  private static boolean isTypeChar(int c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-';
  }
}
