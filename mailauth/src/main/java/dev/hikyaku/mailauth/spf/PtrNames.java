package dev.hikyaku.mailauth.spf;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The validated host names of a client address, for {@code ptr} and {@code %{p}}. */
final class PtrNames {
  private PtrNames() {}

  /**
   * RFC 7208 §5.5: the PTR names of {@code ip} whose A/AAAA records include it, trying at most
   * {@code limit} names; DNS errors only leave names out.
   */
  static List<String> validated(DnsResolver dns, InetAddress ip, int limit) {
    List<String> names = dns.ptr(ip).records();
    List<String> validated = new ArrayList<>();
    for (String name : names.subList(0, Math.min(names.size(), limit))) {
      if (dns.addresses(name, ip instanceof Inet6Address).records().contains(ip)) {
        validated.add(name);
      }
    }
    return validated;
  }

  /** The {@code %{p}} value (RFC 7208 §7.3): a validated name, preferring the domain itself. */
  static String forMacro(DnsResolver dns, InetAddress ip, String domain, int limit) {
    List<String> names = validated(dns, ip, limit);
    return names.stream()
        .filter(n -> n.equalsIgnoreCase(domain))
        .findFirst()
        .or(() -> names.stream().filter(n -> isSameOrSubdomain(n, domain)).findFirst())
        .or(() -> names.stream().findFirst())
        .orElse("unknown");
  }

  static boolean isSameOrSubdomain(String name, String domain) {
    String n = name.toLowerCase(Locale.ROOT);
    String d = domain.toLowerCase(Locale.ROOT);
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    return n.equals(d) || n.endsWith("." + d);
  }
}
