package dev.hikyaku.mailauth.dns;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/** Parses a DNS server given as {@code host}, {@code host:port}, {@code [v6]:port} or bare IPv6. */
final class DnsServerAddress {
  private DnsServerAddress() {}

  /** The socket address; the host must be an IP literal and the port defaults to 53. */
  static InetSocketAddress parse(String text) {
    String host = text.strip();
    int port = 53;
    if (host.startsWith("[")) {
      int close = host.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("unclosed [ in DNS server: " + text);
      }
      String rest = host.substring(close + 1);
      host = host.substring(1, close);
      if (rest.startsWith(":")) {
        port = parsePort(rest.substring(1), text);
      } else if (!rest.isEmpty()) {
        throw new IllegalArgumentException("bad DNS server: " + text);
      }
    } else if (host.indexOf(':') == host.lastIndexOf(':') && host.indexOf(':') > 0) {
      port = parsePort(host.substring(host.indexOf(':') + 1), text);
      host = host.substring(0, host.indexOf(':'));
    }
    InetAddress address =
        IpLiterals.tryParse(host)
            .orElseThrow(() ->
                new IllegalArgumentException(
                    "DNS server must be an IP address (host:port): " + text));
    return new InetSocketAddress(address, port);
  }

  private static int parsePort(String port, String text) {
    try {
      int p = Integer.parseInt(port);
      if (p < 1 || p > 65535) {
        throw new NumberFormatException();
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in DNS server: " + text, e);
    }
  }
}
