package dev.hikyaku.mailauth.spf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.function.Supplier;

/**
 * The values SPF macros expand to (RFC 7208 §7.2) for one check_host() call. The validated domain
 * name ({@code %{p}}) needs DNS, so it is computed only when a macro asks for it.
 */
final class MacroContext {

  private final String sender;
  private final String domain;
  private final InetAddress ip;
  private final String helo;
  private final String receiver;
  private final long now;
  private final Supplier<String> validatedDomain;

  MacroContext(
      String sender,
      String domain,
      InetAddress ip,
      String helo,
      String receiver,
      long now,
      Supplier<String> validatedDomain) {
    this.sender = sender;
    this.domain = domain;
    this.ip = ip;
    this.helo = helo;
    this.receiver = receiver;
    this.now = now;
    this.validatedDomain = validatedDomain;
  }

  /** The same request evaluated for another domain (include, redirect). */
  MacroContext withDomain(String newDomain) {
    return new MacroContext(sender, newDomain, ip, helo, receiver, now, validatedDomain);
  }

  String domain() {
    return domain;
  }

  String value(char letter) {
    int at = sender.lastIndexOf('@');
    return switch (letter) {
      case 's' -> sender;
      case 'l' -> sender.substring(0, at);
      case 'o' -> sender.substring(at + 1);
      case 'd' -> domain;
      case 'i' -> dotted(ip);
      case 'p' -> validatedDomain.get();
      case 'v' -> ip instanceof Inet4Address ? "in-addr" : "ip6";
      case 'h' -> helo;
      case 'c' -> readable(ip);
      case 'r' -> receiver;
      case 't' -> Long.toString(now);
      default -> throw new IllegalArgumentException("not a macro letter: " + letter);
    };
  }

  /** RFC 7208 §7.3: IPv4 as a dotted quad, IPv6 as dot-separated nibbles. */
  static String dotted(InetAddress ip) {
    if (ip instanceof Inet4Address) {
      return ip.getHostAddress();
    }
    StringBuilder out = new StringBuilder();
    for (byte b : ip.getAddress()) {
      out.append(Character.forDigit((b >> 4) & 0xf, 16)).append('.');
      out.append(Character.forDigit(b & 0xf, 16)).append('.');
    }
    return out.substring(0, out.length() - 1);
  }

  /** The client address for people: IPv4 dotted, IPv6 in the RFC 5952 compressed form. */
  static String readable(InetAddress ip) {
    if (ip instanceof Inet4Address) {
      return ip.getHostAddress();
    }
    byte[] b = ip.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((b[2 * i] & 0xff) << 8) | (b[2 * i + 1] & 0xff);
    }
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < 8; ) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = j == i ? i + 1 : j;
    }
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == bestStart) {
        out.append("::");
        i += bestLength - 1;
        continue;
      }
      if (!out.isEmpty() && out.charAt(out.length() - 1) != ':') {
        out.append(':');
      }
      out.append(Integer.toHexString(groups[i]));
    }
    return out.toString();
  }
}
