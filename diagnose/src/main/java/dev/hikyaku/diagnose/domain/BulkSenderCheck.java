package dev.hikyaku.diagnose.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The bulk-sender rules Gmail and Yahoo enforce since February 2024 and Outlook.com since May 2025,
 * judged from the items already found: SPF and DKIM, DMARC of at least p=none, and
 * forward-confirmed reverse DNS of the sending addresses. TLS and one-click unsubscribe (RFC 8058)
 * are properties of each message: Hikyaku's own campaigns always have both.
 */
final class BulkSenderCheck {
  private BulkSenderCheck() {}

  static List<CheckItem> run(List<CheckItem> found, boolean sendingAddressesGiven) {
    List<CheckItem> items = new ArrayList<>();
    items.add(
        rule(
            "bulk.spf",
            "SPF record",
            ok(found, "spf.record") && ok(found, "spf.lookups"),
            "a valid SPF record within 10 lookups"));
    if (ok(found, "dkim.key")) {
      items.add(rule("bulk.dkim", "DKIM key", true, ""));
    } else if (found.stream().anyMatch(i -> i.code().equals("dkim.missing"))) {
      items.add(
          CheckItem.warn(
              "bulk.dkim",
              "DKIM key: none found under the selectors tried",
              "Gmail, Yahoo and Outlook.com require DKIM from bulk senders: check again with the"
                  + " selector your mail is signed with (--selector)."));
    } else {
      items.add(rule("bulk.dkim", "DKIM key", false, "a valid DKIM key"));
    }
    items.add(
        rule(
            "bulk.dmarc",
            "DMARC record",
            ok(found, "dmarc.record"),
            "a DMARC record, at least p=none"));
    if (sendingAddressesGiven) {
      items.add(
          rule(
              "bulk.ptr",
              "reverse DNS of the sending addresses",
              ok(found, "ptr"),
              "forward-confirmed reverse DNS for every sending address"));
    } else {
      items.add(
          CheckItem.info(
              "bulk.ptr",
              "reverse DNS of the sending addresses not checked:" + " give them with --ip"));
    }
    return items;
  }

  private static boolean ok(List<CheckItem> found, String code) {
    List<CheckItem> matching = found.stream().filter(i -> i.code().equals(code)).toList();
    return !matching.isEmpty()
        && matching.stream()
            .anyMatch(i -> i.status() == CheckStatus.PASS || i.status() == CheckStatus.WARN)
        && matching.stream().noneMatch(i -> i.status() == CheckStatus.FAIL);
  }

  private static CheckItem rule(String code, String what, boolean met, String requirement) {
    return met
        ? CheckItem.pass(code, what + ": meets the bulk-sender rules")
        : CheckItem.fail(
            code,
            what + ": does not meet the bulk-sender rules",
            "Gmail, Yahoo and Outlook.com require "
                + requirement
                + " from senders of more than 5 000 messages a day; see the item above.");
  }
}
