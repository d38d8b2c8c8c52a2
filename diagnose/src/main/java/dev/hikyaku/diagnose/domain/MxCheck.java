package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import dev.hikyaku.mailauth.dns.MxRecord;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The domain's MX records and the addresses of its mail hosts. */
final class MxCheck {

  /** The items and the mail hosts found, with their addresses, in preference order. */
  record Result(List<CheckItem> items, Map<String, List<InetAddress>> hosts) {}

  private MxCheck() {}

  static Result run(DnsResolver dns, String domain) {
    List<CheckItem> items = new ArrayList<>();
    Map<String, List<InetAddress>> hosts = new LinkedHashMap<>();
    DnsResult<MxRecord> mx = dns.mx(domain);
    if (mx.isTemporaryFailure()) {
      items.add(
          CheckItem.warn(
              "mx.lookup",
              "MX lookup for " + domain + " failed (" + DnsFailure.describe(mx) + ")",
              "Check that the domain's name servers answer."));
      return new Result(items, hosts);
    }
    List<MxRecord> records =
        mx.records().stream().sorted(Comparator.comparingInt(MxRecord::preference)).toList();
    if (records.isEmpty()) {
      items.add(
          CheckItem.warn(
              "mx.missing",
              "No MX record: mail to "
                  + domain
                  + " goes to its A/AAAA address, if any (RFC 5321 §5.1).",
              "Publish MX records for the hosts that receive mail for "
                  + domain
                  + ", so bounces"
                  + " and replies to the sending domain arrive."));
      return new Result(items, hosts);
    }
    if (records.size() == 1 && records.get(0).exchange().isEmpty()) {
      items.add(
          CheckItem.info(
              "mx.null",
              domain
                  + " publishes a null MX (RFC 7505): it accepts"
                  + " no mail. Bounces and replies to it are lost."));
      return new Result(items, hosts);
    }
    for (MxRecord record : records) {
      List<InetAddress> addresses = new ArrayList<>(dns.a(record.exchange()).records());
      addresses.addAll(dns.aaaa(record.exchange()).records());
      hosts.put(record.exchange(), addresses);
      if (addresses.isEmpty()) {
        items.add(
            CheckItem.fail(
                "mx.host",
                "MX host "
                    + record.exchange()
                    + " (preference "
                    + record.preference()
                    + ") has no A or AAAA record.",
                "Point the MX at a host name with an address; an MX may not be a CNAME or an IP"
                    + " (RFC 5321 §5.1)."));
      } else {
        items.add(
            CheckItem.pass(
                "mx.host",
                "MX "
                    + record.preference()
                    + " "
                    + record.exchange()
                    + " → "
                    + addresses.stream().map(InetAddress::getHostAddress).toList()));
      }
    }
    return new Result(items, hosts);
  }
}
