package dev.hikyaku.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An addr-spec ({@code local@domain}) as people type it into forms: one address, no display name,
 * no comments, no line breaks, at most 254 characters (RFC 5321 §4.5.3.1.3).
 */
public record EmailAddress(String value) {

  // Dot-atom local part (RFC 5322 §3.4.1) and a hostname-shaped domain; quoted local parts are
  // legal but never needed for the people Hikyaku's users type in, and a common source of tricks.
  private static final Pattern SHAPE =
      Pattern.compile(
          "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
              + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9-]{2,63}");

  public EmailAddress {
    if (value == null || value.length() > 254 || !SHAPE.matcher(value).matches()) {
      throw new InvalidInputException("email", "email", "not an e-mail address: " + value);
    }
    int at = value.lastIndexOf('@');
    value = value.substring(0, at) + "@" + value.substring(at + 1).toLowerCase(Locale.ROOT);
  }

  @Override
  public String toString() {
    return value;
  }
}
