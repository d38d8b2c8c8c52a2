package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.spf.SpfPolicyInspector;
import dev.hikyaku.mailauth.spf.SpfPolicyReport;
import java.util.ArrayList;
import java.util.List;

/** The domain's SPF record: present, parseable, within the lookup limits, ending strictly. */
final class SpfPolicyCheck {
  private SpfPolicyCheck() {}

  static List<CheckItem> run(DnsResolver dns, String domain) {
    SpfPolicyReport report = new SpfPolicyInspector(dns).inspect(domain);
    List<CheckItem> items = new ArrayList<>();
    if (report.record().isEmpty()) {
      items.add(
          CheckItem.fail(
              "spf.record",
              String.join("; ", report.problems()),
              "Publish one TXT record such as \"v=spf1 include:<your provider> -all\" at "
                  + domain
                  + ". Gmail and Yahoo require SPF or DKIM for all senders, and both for bulk."));
      return items;
    }
    String record = report.record().get();
    items.add(CheckItem.pass("spf.record", record));
    String lookups =
        report.dnsLookups()
            + " of 10 DNS lookups, "
            + report.voidLookups()
            + " void (includes: "
            + String.join(", ", report.includes())
            + ")";
    if (report.exceedsLookupLimit()) {
      items.add(
          CheckItem.fail(
              "spf.lookups",
              lookups,
              "Receivers stop after 10 lookups with"
                  + " permerror (RFC 7208 §4.6.4): replace includes you no longer use, or list ip4:/ip6:"
                  + " ranges instead of includes."));
    } else if (report.voidLookups() > 2) {
      items.add(
          CheckItem.fail(
              "spf.lookups",
              lookups,
              "More than 2 names that do not exist make"
                  + " SPF permerror (RFC 7208 §4.6.4): remove the terms for hosts that are gone."));
    } else if (report.dnsLookups() >= 8) {
      items.add(
          CheckItem.warn(
              "spf.lookups",
              lookups,
              "Close to the limit of 10: one more provider's include can break SPF for all mail."));
    } else {
      items.add(CheckItem.pass("spf.lookups", lookups));
    }
    for (String problem : report.problems()) {
      if (!problem.contains("DNS-querying terms")) {
        items.add(CheckItem.warn("spf.problem", problem, "Correct the record as described."));
      }
    }
    String all = record.replaceAll(".*\\s([-~?+]?all)\\s*$", "$1");
    if (all.equals("-all") || all.equals("~all")) {
      items.add(CheckItem.pass("spf.all", "ends with " + all));
    } else if (!record.contains("redirect=")) {
      items.add(
          CheckItem.warn(
              "spf.all",
              "the record does not end with -all or ~all",
              "End it with \"-all\" (or \"~all\" while you check) so other hosts fail SPF."));
    }
    return items;
  }
}
