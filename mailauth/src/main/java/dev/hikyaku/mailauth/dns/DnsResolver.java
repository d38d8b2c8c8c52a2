package dev.hikyaku.mailauth.dns;

import java.net.InetAddress;

/**
 * The DNS lookups SPF, DKIM and DMARC need. Implementations never throw for DNS outcomes: every
 * failure is a {@link DnsResult}. Names may be given with or without the trailing dot, in any case.
 */
public interface DnsResolver {

  /**
   * TXT records of {@code name}; each record's character-strings are concatenated without spaces
   * (RFC 7208 §3.3, RFC 6376 §3.6.2.2) and decoded as UTF-8.
   */
  DnsResult<String> txt(String name);

  /** IPv4 addresses of {@code name}, following CNAMEs. */
  DnsResult<InetAddress> a(String name);

  /** IPv6 addresses of {@code name}, following CNAMEs. */
  DnsResult<InetAddress> aaaa(String name);

  /** MX records of {@code name}. */
  DnsResult<MxRecord> mx(String name);

  /** Host names of the PTR records for {@code address}, normalised. */
  DnsResult<String> ptr(InetAddress address);

  /** A or AAAA depending on {@code ipv6}. */
  default DnsResult<InetAddress> addresses(String name, boolean ipv6) {
    return ipv6 ? aaaa(name) : a(name);
  }
}
