package dev.hikyaku.diagnose.bounce;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A VERP return path, {@code bounce+<token>@<domain>}: the envelope sender of one delivery, so that
 * a bounce sent back to it names the delivery by its token.
 *
 * <p>The token alphabet is the URL-safe Base64 one (RFC 4648 §5: letters, digits, {@code -} and
 * {@code _}), which needs no quoting in a local part (RFC 5321 §4.1.2). Tokens are case-sensitive;
 * the {@code bounce+} prefix and the domain are not (RFC 5321 §2.4 lets receivers keep local-part
 * case, but some rewrite the prefix).
 *
 * @param token the delivery token, 1 to {@value #MAX_TOKEN_LENGTH} characters of the alphabet
 * @param domain the bounce domain, ASCII (A-labels for IDNs), lower case, no trailing dot
 */
public record VerpAddress(String token, String domain) {

  /** The local-part prefix, before the token. */
  public static final String PREFIX = "bounce+";

  /** RFC 5321 §4.5.3.1.1: a local part is at most 64 octets; the prefix takes 7. */
  public static final int MAX_TOKEN_LENGTH = 64 - 7;

  public VerpAddress {
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(domain, "domain");
    domain = domain.toLowerCase(Locale.ROOT);
    if (!isToken(token)) {
      throw new IllegalArgumentException(
          "a VERP token is 1 to " + MAX_TOKEN_LENGTH + " of A-Z a-z 0-9 - _");
    }
    if (!isDomain(domain)) {
      throw new IllegalArgumentException("not a domain name: " + domain);
    }
  }

  /**
   * The return path for {@code token} at {@code domain}, such as {@code bounce+AbC@b.example.jp}.
   */
  public static String encode(String token, String domain) {
    return new VerpAddress(token, domain).address();
  }

  /**
   * The VERP address in an envelope recipient as the SMTP listener received it, with or without
   * angle brackets; empty for anything that is not a {@code bounce+<token>@<domain>} address of the
   * token alphabet — such mail is not ours.
   */
  public static Optional<VerpAddress> decode(String envelopeRecipient) {
    if (envelopeRecipient == null || envelopeRecipient.length() > 300) {
      return Optional.empty();
    }
    String address = envelopeRecipient.strip();
    if (address.startsWith("<") && address.endsWith(">") && address.length() >= 2) {
      address = address.substring(1, address.length() - 1);
    }
    int at = address.lastIndexOf('@');
    if (at <= PREFIX.length() || !address.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      return Optional.empty();
    }
    String token = address.substring(PREFIX.length(), at);
    String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
    if (!isToken(token) || !isDomain(domain)) {
      return Optional.empty();
    }
    return Optional.of(new VerpAddress(token, domain));
  }

  /** The address, {@code bounce+<token>@<domain>}. */
  public String address() {
    return PREFIX + token + "@" + domain;
  }

  /** Whether this address is at {@code bounceDomain} (any case). */
  public boolean isAt(String bounceDomain) {
    return bounceDomain != null && domain.equalsIgnoreCase(bounceDomain);
  }

  @Override
  public String toString() {
    return address();
  }

  private static boolean isToken(String token) {
    if (token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      boolean ok =
          c >= 'A' && c <= 'Z'
              || c >= 'a' && c <= 'z'
              || c >= '0' && c <= '9'
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** RFC 1035 §2.3.1 with RFC 1123 §2.1: LDH labels of 1 to 63, no hyphen at either end. */
  private static boolean isDomain(String domain) {
    if (domain.isEmpty() || domain.length() > 253) {
      return false;
    }
    for (String label : domain.split("\\.", -1)) {
      if (label.isEmpty()
          || label.length() > 63
          || label.charAt(0) == '-'
          || label.charAt(label.length() - 1) == '-') {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-')) {
          return false;
        }
      }
    }
    return true;
  }
}
