package dev.hikyaku.mailauth.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Locale;

/** Helpers for DNS names as mailauth passes them around: lower case, no trailing dot. */
public final class DnsNames {
  private DnsNames() {}

  /** The name in lower case without a trailing dot (the root stays empty). */
  public static String normalize(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    return n.toLowerCase(Locale.ROOT);
  }

  /**
   * Whether every label of {@code name} is 1 to 63 octets and the whole name at most 253: the
   * limits of RFC 1035 §2.3.4 that a query must respect.
   */
  public static boolean isQueryable(String name) {
    String n = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (n.isEmpty() || n.length() > 253) {
      return false;
    }
    int start = 0;
    while (true) {
      int dot = n.indexOf('.', start);
      int end = dot < 0 ? n.length() : dot;
      int length = end - start;
      if (length < 1 || length > 63) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /**
   * The reverse lookup name of an address: {@code 4.3.2.1.in-addr.arpa} or the nibble form under
   * {@code ip6.arpa} (RFC 3596 §2.5).
   */
  public static String reverseName(InetAddress address) {
    byte[] bytes = address.getAddress();
    StringBuilder name = new StringBuilder();
    if (address instanceof Inet4Address) {
      for (int i = bytes.length - 1; i >= 0; i--) {
        name.append(bytes[i] & 0xff).append('.');
      }
      return name.append("in-addr.arpa").toString();
    }
    if (!(address instanceof Inet6Address)) {
      throw new IllegalArgumentException("not an IP address: " + address);
    }
    for (int i = bytes.length - 1; i >= 0; i--) {
      name.append(Character.forDigit(bytes[i] & 0x0f, 16)).append('.');
      name.append(Character.forDigit((bytes[i] >> 4) & 0x0f, 16)).append('.');
    }
    return name.append("ip6.arpa").toString();
  }
}
