package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dns.DnsNames;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * DNS blocklist listings (RFC 5782): an address is listed in a zone when the reversed address under
 * the zone has an A record, usually in 127.0.0.0/8.
 */
final class DnsblCheck {
  private DnsblCheck() {}

  static List<CheckItem> run(DnsResolver dns, List<InetAddress> addresses, List<String> zones) {
    List<CheckItem> items = new ArrayList<>();
    for (InetAddress address : addresses) {
      String reversed = DnsNames.reverseName(address).replaceFirst("\\.(in-addr|ip6)\\.arpa$", "");
      for (String zone : zones) {
        DnsResult<InetAddress> answer = dns.a(reversed + "." + zone);
        String ip = address.getHostAddress();
        if (answer.isTemporaryFailure()) {
          items.add(
              CheckItem.warn(
                  "dnsbl",
                  ip
                      + " could not be checked in "
                      + zone
                      + " ("
                      + DnsFailure.describe(answer)
                      + ")",
                  "Try again; some lists refuse public resolvers."));
        } else if (answer.records().isEmpty()) {
          items.add(CheckItem.pass("dnsbl", ip + " is not listed in " + zone));
        } else {
          items.add(
              CheckItem.fail(
                  "dnsbl",
                  ip
                      + " is listed in "
                      + zone
                      + " ("
                      + answer.records().stream().map(InetAddress::getHostAddress).toList()
                      + ")",
                  "Find and stop the cause (a compromised account, a bad list), then ask "
                      + zone
                      + " for removal through its lookup page."));
        }
      }
    }
    return items;
  }
}
