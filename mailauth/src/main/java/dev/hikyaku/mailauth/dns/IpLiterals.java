package dev.hikyaku.mailauth.dns;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses IPv4 and IPv6 literals without ever touching DNS. */
public final class IpLiterals {
  private static final Pattern IPV4 =
      Pattern.compile(
          "(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");

  private IpLiterals() {}

  /** The address for an IPv4 dotted quad or an IPv6 literal, or empty if it is neither. */
  public static Optional<InetAddress> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    boolean v4 = IPV4.matcher(text).matches();
    if (!v4 && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
      return Optional.empty();
    }
    try {
      // Only literals reach here, so getByName parses and never queries DNS.
      return Optional.of(InetAddress.getByName(text));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** The address for an IP literal; throws {@link IllegalArgumentException} for anything else. */
  public static InetAddress parse(String text) {
    return tryParse(text)
        .orElseThrow(() -> new IllegalArgumentException("not an IP address literal: " + text));
  }
}
