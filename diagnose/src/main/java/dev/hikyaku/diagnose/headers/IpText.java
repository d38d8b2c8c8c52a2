package dev.hikyaku.diagnose.headers;

import dev.hikyaku.mailauth.dns.IpLiterals;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/** Recognises IP addresses in the forms MTAs write them in Received fields; never touches DNS. */
final class IpText {

  /** The longest IPv6 text with an embedded IPv4 address. */
  private static final int MAX_LENGTH = 45;

  private IpText() {}

  /**
   * The address in {@code token}, without brackets, {@code IPv6:} prefix (RFC 5321 §4.1.3), port,
   * zone or ident user: {@code [192.0.2.1]}, {@code [192.0.2.1]:54321}, {@code [IPv6:2001:db8::1]},
   * {@code 192.0.2.1}, {@code user@192.0.2.1}, {@code fe80::1%5}, {@code 192.0.2.1.} all give the
   * bare address.
   */
  static Optional<String> addressIn(String token) {
    String text = token;
    int at = text.lastIndexOf('@');
    if (at >= 0) {
      text = text.substring(at + 1);
    }
    if (text.startsWith("[")) {
      int close = text.indexOf(']');
      if (close < 0 || !portOrNothing(text.substring(close + 1))) {
        return Optional.empty();
      }
      text = text.substring(1, close);
      if (text.regionMatches(true, 0, "IPv6:", 0, 5)) {
        text = text.substring(5);
      }
    } else if (text.endsWith(".") && text.indexOf(':') < 0) {
      text = text.substring(0, text.length() - 1);
    }
    int zone = text.indexOf('%');
    if (zone > 0 && text.indexOf(':') >= 0) {
      text = text.substring(0, zone);
    }
    return isAddress(text) ? Optional.of(text) : Optional.empty();
  }

  private static boolean portOrNothing(String rest) {
    return rest.isEmpty() || rest.length() > 1 && rest.charAt(0) == ':' && digits(rest, 1);
  }

  private static boolean digits(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      if (text.charAt(i) < '0' || text.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text} is exactly an IPv4 dotted quad or an IPv6 address. */
  static boolean isAddress(String text) {
    return text.length() <= MAX_LENGTH && IpLiterals.tryParse(text).isPresent();
  }

  /**
   * Whether {@code text} is an address that cannot be on the public internet: loopback, private
   * (RFC 1918, RFC 4193), link-local, shared (RFC 6598) or unspecified.
   */
  static boolean isInternal(String text) {
    if (text.length() > MAX_LENGTH) {
      return false;
    }
    Optional<InetAddress> parsed = IpLiterals.tryParse(text);
    if (parsed.isEmpty()) {
      return false;
    }
    InetAddress address = parsed.get();
    byte[] bytes = address.getAddress();
    boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
    boolean shared = bytes.length == 4 && bytes[0] == 100 && (bytes[1] & 0xc0) == 64;
    return address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isAnyLocalAddress()
        || uniqueLocal
        || shared;
  }
}
