package dev.hikyaku.delivery.smtp;

/**
 * A user name and password for SMTP AUTH (RFC 4954) with PLAIN (RFC 4616) or LOGIN. Neither appears
 * in {@link #toString()}, in the session transcript or in any failure description.
 *
 * @param username not blank; no CR, LF or NUL (NUL separates the fields of PLAIN)
 * @param password not empty; no CR, LF or NUL
 */
public record SmtpCredentials(String username, String password) {

  public SmtpCredentials {
    if (username == null || username.isBlank() || !clean(username)) {
      throw new IllegalArgumentException("SMTP user name must be non-blank, without CR, LF or NUL");
    }
    if (password == null || password.isEmpty() || !clean(password)) {
      throw new IllegalArgumentException("SMTP password must be non-empty, without CR, LF or NUL");
    }
  }

  private static boolean clean(String s) {
    return s.chars().noneMatch(c -> c == '\r' || c == '\n' || c == 0);
  }

  @Override
  public String toString() {
    return "SmtpCredentials[redacted]";
  }
}
