package dev.hikyaku.diagnose.logs;

import java.util.Locale;
import java.util.Optional;

/** Small helpers for the envelope addresses Postfix logs, which are not always valid. */
final class Addresses {

  private Addresses() {}

  /** The domain after the last {@code @}, in lower case, or empty if there is none. */
  static Optional<String> domain(String address) {
    int at = address.lastIndexOf('@');
    if (at < 0 || at == address.length() - 1) {
      return Optional.empty();
    }
    return Optional.of(address.substring(at + 1).toLowerCase(Locale.ROOT));
  }

  /**
   * The address in a canonical form for matching: lower case. Local parts are case-sensitive in
   * principle (RFC 5321 §2.4), but no one searching a log means them to be.
   */
  static String canonical(String address) {
    return address.toLowerCase(Locale.ROOT);
  }
}
