package dev.hikyaku.identity.network;

import dev.hikyaku.shared.InvalidInputException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * An IPv4 or IPv6 network in CIDR notation ({@code 192.0.2.0/24}, {@code 2001:db8::/32}); a bare
 * address means a single host. Only literals are accepted, never host names (no DNS lookup), and
 * host bits must be zero so that what the admin reads is what is matched.
 */
public record Cidr(InetAddress network, int prefix) {

  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  public static Cidr parse(String text) {
    if (text == null || text.isBlank()) {
      throw invalid(text, "an address or network is required");
    }
    String t = text.strip();
    if (t.length() > 64) {
      throw invalid(t, "too long");
    }
    int slash = t.indexOf('/');
    String addr = slash < 0 ? t : t.substring(0, slash);
    InetAddress ip = literal(addr, t);
    int max = ip instanceof Inet4Address ? 32 : 128;
    int prefix = max;
    if (slash >= 0) {
      String p = t.substring(slash + 1);
      if (!p.matches("\\d{1,3}")) {
        throw invalid(t, "the prefix length after / must be a number");
      }
      prefix = Integer.parseInt(p);
      if (prefix > max) {
        throw invalid(t, "the prefix length must be 0 to " + max);
      }
    }
    byte[] bytes = ip.getAddress();
    byte[] masked = mask(bytes, prefix);
    if (!java.util.Arrays.equals(bytes, masked)) {
      String suggestion = address(masked).getHostAddress() + "/" + prefix;
      throw new InvalidInputException(
          "cidr",
          "cidr-host-bits",
          "malformed network '" + t + "': host bits are set; did you mean " + suggestion + "?",
          t,
          suggestion);
    }
    return new Cidr(ip, prefix);
  }

  public boolean contains(InetAddress address) {
    byte[] a = address.getAddress();
    byte[] n = network.getAddress();
    return a.length == n.length && java.util.Arrays.equals(mask(a, prefix), n);
  }

  @Override
  public String toString() {
    return network.getHostAddress() + "/" + prefix;
  }

  /** Parses an address literal (no DNS); IPv4-mapped IPv6 addresses become IPv4. */
  public static InetAddress literal(String addr, String context) {
    boolean v4 = IPV4.matcher(addr).matches();
    boolean v6 = !v4 && addr.contains(":") && IPV6.matcher(addr).matches();
    if (!v4 && !v6) {
      throw invalid(context, "not an IPv4 or IPv6 address");
    }
    if (v4) {
      for (String octet : addr.split("\\.")) {
        if (Integer.parseInt(octet) > 255) {
          throw invalid(context, "an IPv4 octet is above 255");
        }
      }
    }
    try {
      // Only literals reach this point, so getByName parses and never resolves.
      return InetAddress.getByName(addr);
    } catch (UnknownHostException e) {
      throw invalid(context, "not an IPv4 or IPv6 address");
    }
  }

  private static byte[] mask(byte[] bytes, int prefix) {
    byte[] out = bytes.clone();
    for (int i = 0; i < out.length; i++) {
      int keep = Math.max(0, Math.min(8, prefix - i * 8));
      out[i] &= (byte) (0xff << (8 - keep));
    }
    return out;
  }

  private static InetAddress address(byte[] bytes) {
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InvalidInputException invalid(String text, String why) {
    return new InvalidInputException("cidr", "cidr", "malformed network '" + text + "': " + why);
  }
}
