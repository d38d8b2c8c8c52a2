package dev.hikyaku.delivery;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import dev.hikyaku.mailauth.dns.MxRecord;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where mail for a domain goes (RFC 5321 §5.1): its MX hosts in preference order, each host's
 * addresses (IPv4 and IPv6); no MX record means the domain's own address (the implicit MX); a
 * single MX of "." means the domain accepts no mail (RFC 7505, null MX).
 */
final class MxResolver {

  /** The outcome of resolving a domain. */
  sealed interface Route {
    /** Servers to try, best first. */
    record Servers(List<Destination> destinations) implements Route {}

    /** The domain does not receive mail: bounce (5.1.2 no such domain, 5.1.10 null MX). */
    record NoMail(String enhanced, String reason) implements Route {}

    /** DNS failed for now: try again later. */
    record TryLater(String reason) implements Route {}
  }

  /** At most this many addresses are tried per delivery attempt. */
  static final int MAX_DESTINATIONS = 10;

  private final DnsResolver dns;
  private final int port;

  MxResolver(DnsResolver dns, int port) {
    this.dns = dns;
    this.port = port;
  }

  Route resolve(String domain) {
    DnsResult<MxRecord> mx = dns.mx(domain);
    if (mx.isTemporaryFailure()) {
      return new Route.TryLater("DNS lookup of the MX of " + domain + " failed");
    }
    List<MxRecord> records = new ArrayList<>(mx.records());
    if (records.size() == 1 && isNull(records.get(0).exchange())) {
      return new Route.NoMail("5.1.10", domain + " accepts no mail (null MX, RFC 7505)");
    }
    List<String> hosts = new ArrayList<>();
    if (records.isEmpty()) {
      if (mx instanceof DnsResult.NoSuchDomain<MxRecord>) {
        return new Route.NoMail("5.1.2", domain + " does not exist");
      }
      hosts.add(domain); // RFC 5321 §5.1: the implicit MX
    } else {
      // Equal preferences in random order spread the load (RFC 5321 §5.1).
      java.util.Collections.shuffle(records);
      records.sort(Comparator.comparingInt(MxRecord::preference));
      records.stream().map(MxRecord::exchange).filter(h -> !isNull(h)).forEach(hosts::add);
    }
    List<Destination> destinations = new ArrayList<>();
    boolean temporary = false;
    for (String host : hosts) {
      String name = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
      DnsResult<InetAddress> v4 = dns.a(name);
      DnsResult<InetAddress> v6 = dns.aaaa(name);
      temporary |= v4.isTemporaryFailure() || v6.isTemporaryFailure();
      for (InetAddress a : v4.records()) {
        destinations.add(new Destination(name, new InetSocketAddress(a, port)));
      }
      for (InetAddress a : v6.records()) {
        destinations.add(new Destination(name, new InetSocketAddress(a, port)));
      }
      if (destinations.size() >= MAX_DESTINATIONS) {
        break;
      }
    }
    if (destinations.isEmpty()) {
      return temporary || !records.isEmpty()
          ? new Route.TryLater("no address found for the mail servers of " + domain)
          : new Route.NoMail("5.1.2", domain + " has no mail server and no address");
    }
    return new Route.Servers(
        List.copyOf(destinations.subList(0, Math.min(destinations.size(), MAX_DESTINATIONS))));
  }

  private static boolean isNull(String exchange) {
    return exchange.isEmpty() || exchange.equals(".");
  }
}
