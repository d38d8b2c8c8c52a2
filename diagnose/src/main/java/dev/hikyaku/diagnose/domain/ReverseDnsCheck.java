package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * Forward-confirmed reverse DNS of the hosts that send or receive the domain's mail: a PTR name
 * whose A/AAAA records include the address. Gmail and Yahoo require it from senders.
 */
final class ReverseDnsCheck {
  private ReverseDnsCheck() {}

  static List<CheckItem> run(DnsResolver dns, List<InetAddress> addresses) {
    List<CheckItem> items = new ArrayList<>();
    for (InetAddress address : addresses) {
      List<String> names = dns.ptr(address).records();
      String ip = address.getHostAddress();
      if (names.isEmpty()) {
        items.add(
            CheckItem.fail(
                "ptr",
                ip + " has no PTR record",
                "Ask whoever runs the address (your provider) for a PTR record naming the host."));
        continue;
      }
      boolean confirmed =
          names.stream()
              .anyMatch(n ->
                  dns.addresses(n, address instanceof Inet6Address).records().contains(address));
      items.add(
          confirmed
              ? CheckItem.pass("ptr", ip + " → " + names + " → " + ip)
              : CheckItem.warn(
                  "ptr",
                  ip + " → " + names + ", but that name does not resolve back" + " to " + ip,
                  "Make the PTR name's A/AAAA record include " + ip + "."));
    }
    return items;
  }
}
