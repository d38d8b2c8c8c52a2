package dev.hikyaku.identity.users;

import dev.hikyaku.shared.InvalidInputException;
import java.util.Locale;

/**
 * What a password must be: 12 to 128 characters (length beats composition rules, NIST SP 800-63B
 * §5.1.1.2), not the username, not one character repeated.
 */
public final class PasswordPolicy {

  public static final int MIN = 12;
  public static final int MAX = 128;

  private PasswordPolicy() {}

  public static void check(String password, String confirmation, String username) {
    if (password == null || password.codePointCount(0, password.length()) < MIN) {
      throw new InvalidInputException(
          "password", "password-short", "at least " + MIN + " characters");
    }
    if (password.codePointCount(0, password.length()) > MAX) {
      throw new InvalidInputException(
          "password", "password-long", "at most " + MAX + " characters");
    }
    if (!password.equals(confirmation)) {
      throw new InvalidInputException("password", "password-mismatch", "the two passwords differ");
    }
    if (username != null
        && password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
      throw new InvalidInputException(
          "password", "password-username", "the password contains the username");
    }
    if (password.chars().distinct().count() < 4) {
      throw new InvalidInputException(
          "password", "password-weak", "the password uses fewer than 4 different characters");
    }
  }
}
