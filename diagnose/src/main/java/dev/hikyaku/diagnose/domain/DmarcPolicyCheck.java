package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dmarc.DmarcPolicy;
import dev.hikyaku.mailauth.dmarc.DmarcRecord;
import dev.hikyaku.mailauth.dmarc.DmarcRecordParse;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import java.util.ArrayList;
import java.util.List;

/** The domain's own DMARC record: present, valid, a policy, a reporting address. */
final class DmarcPolicyCheck {
  private DmarcPolicyCheck() {}

  static List<CheckItem> run(DnsResolver dns, String domain) {
    List<CheckItem> items = new ArrayList<>();
    DnsResult<String> txt = dns.txt("_dmarc." + domain);
    if (txt.isTemporaryFailure()) {
      items.add(
          CheckItem.warn(
              "dmarc.lookup",
              "DMARC lookup failed (" + DnsFailure.describe(txt) + ")",
              "Check that the domain's name servers answer for _dmarc." + domain + "."));
      return items;
    }
    List<String> records = txt.records().stream().filter(t -> t.startsWith("v=DMARC1")).toList();
    if (records.size() != 1) {
      items.add(
          CheckItem.fail(
              "dmarc.record",
              records.isEmpty()
                  ? "no DMARC record at _dmarc." + domain
                  : records.size() + " DMARC records at _dmarc." + domain + " (none applies)",
              "Publish one TXT record at _dmarc."
                  + domain
                  + ", starting with"
                  + " \"v=DMARC1; p=none; rua=mailto:dmarc-reports@"
                  + domain
                  + "\". Gmail and"
                  + " Yahoo require DMARC (at least p=none) from bulk senders."));
      return items;
    }
    switch (DmarcRecord.parse(records.get(0))) {
      case DmarcRecordParse.Invalid invalid ->
          items.add(
              CheckItem.fail(
                  "dmarc.record",
                  invalid.reason(),
                  "Fix the record: it must start with v=DMARC1 and have a valid p= tag."));
      case DmarcRecordParse.Valid valid -> judge(valid.record(), records.get(0), domain, items);
    }
    return items;
  }

  private static void judge(DmarcRecord record, String text, String domain, List<CheckItem> out) {
    out.add(CheckItem.pass("dmarc.record", text));
    if (record.policy() == DmarcPolicy.NONE) {
      out.add(
          CheckItem.warn(
              "dmarc.policy",
              "p=none: receivers only report, forged mail is" + " still delivered",
              "Once the reports show all your mail passing, move to"
                  + " p=quarantine, then p=reject."));
    } else {
      out.add(
          CheckItem.pass(
              "dmarc.policy",
              "p="
                  + record.policy().rfcName()
                  + (record.testing() ? " with t=y (applied one level lower)" : "")));
    }
    if (record.aggregateReportUris().isEmpty()) {
      out.add(
          CheckItem.warn(
              "dmarc.reports",
              "no rua= address: you receive no aggregate reports",
              "Add rua=mailto:dmarc-reports@" + domain + " to see who sends as your domain."));
    } else {
      out.add(CheckItem.pass("dmarc.reports", "reports to " + record.aggregateReportUris()));
    }
  }
}
