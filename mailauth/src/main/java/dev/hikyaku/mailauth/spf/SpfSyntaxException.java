package dev.hikyaku.mailauth.spf;

/**
 * A syntax error in an SPF record or macro; becomes {@code permerror} and never leaves the package.
 */
final class SpfSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  SpfSyntaxException(String message) {
    super(message, null, false, false);
  }
}
