package dev.hikyaku.delivery.smtp;

import java.net.IDN;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Checks and normalises the host names this package is given: server names and the EHLO name. */
final class HostNames {

  // RFC 1123 §2.1 host names: LDH labels of 1-63 characters, at least two labels.
  private static final Pattern DNS_NAME =
      Pattern.compile(
          "(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

  private static final Pattern IPV4 =
      Pattern.compile(
          "(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");

  // The shape only; the JDK parses it. Starting with a hex digit or a colon and containing a colon,
  // it is always taken as an IPv6 literal and never looked up in the DNS.
  private static final Pattern IPV6_SHAPE =
      Pattern.compile("[0-9A-Fa-f:][0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

  private HostNames() {}

  /**
   * The server name in canonical form (lower case, A-labels, no trailing dot): a DNS name or an IP
   * literal without brackets.
   *
   * @throws IllegalArgumentException if it is neither
   */
  static String serverName(String name) {
    if (name == null || name.isEmpty()) {
      throw new IllegalArgumentException("server name must not be empty");
    }
    if (isIpLiteral(name)) {
      return name.toLowerCase(Locale.ROOT);
    }
    String ascii;
    try {
      ascii = IDN.toASCII(name.endsWith(".") ? name.substring(0, name.length() - 1) : name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("not a host name: " + printable(name), e);
    }
    ascii = ascii.toLowerCase(Locale.ROOT);
    if (ascii.length() > 253 || !DNS_NAME.matcher(ascii).matches()) {
      throw new IllegalArgumentException("not a host name: " + printable(name));
    }
    return ascii;
  }

  /**
   * The EHLO argument: a DNS name or an address literal such as {@code [192.0.2.1]} or {@code
   * [IPv6:2001:db8::1]} (RFC 5321 §4.1.3, §4.1.4).
   *
   * @throws IllegalArgumentException if it is neither
   */
  static String ehloName(String name) {
    if (name != null && name.startsWith("[") && name.endsWith("]")) {
      String inner = name.substring(1, name.length() - 1);
      boolean v6 = inner.regionMatches(true, 0, "IPv6:", 0, 5) && isIpLiteral(inner.substring(5));
      if (IPV4.matcher(inner).matches() || v6) {
        return name;
      }
      throw new IllegalArgumentException("not an address literal: " + printable(name));
    }
    if (name != null && isIpLiteral(name)) {
      throw new IllegalArgumentException("an IP address as EHLO name needs brackets: " + name);
    }
    return serverName(name);
  }

  /** Whether {@code name} is an IPv4 or IPv6 address literal (no DNS lookup is done). */
  static boolean isIpLiteral(String name) {
    if (IPV4.matcher(name).matches()) {
      return true;
    }
    if (!IPV6_SHAPE.matcher(name).matches()) {
      return false;
    }
    try {
      InetAddress.getByName(name); // a literal: parsed, not resolved
      return true;
    } catch (UnknownHostException e) {
      return false; // e.g. "1::2::3": shaped like IPv6, but not an address
    }
  }

  /** {@code s} with control characters replaced, shortened for messages. */
  static String printable(String s) {
    StringBuilder out = new StringBuilder();
    s.codePoints().limit(200).forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7f ? '?' : c));
    return out.toString();
  }
}
