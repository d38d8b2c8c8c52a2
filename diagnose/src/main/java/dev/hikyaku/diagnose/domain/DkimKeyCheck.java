package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dkim.DkimKeyRecord;
import dev.hikyaku.mailauth.dkim.DkimKeyType;
import dev.hikyaku.mailauth.dkim.ParseResult;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import java.util.ArrayList;
import java.util.List;

/** DKIM key records under the given or common selectors: found, valid, strong enough. */
final class DkimKeyCheck {
  private DkimKeyCheck() {}

  static List<CheckItem> run(DnsResolver dns, String domain, List<String> selectors) {
    List<CheckItem> items = new ArrayList<>();
    for (String selector : selectors) {
      String name = selector + "._domainkey." + domain;
      DnsResult<String> txt = dns.txt(name);
      if (txt.records().isEmpty()) {
        continue;
      }
      switch (DkimKeyRecord.parse(txt.records().get(0))) {
        case ParseResult.Invalid<DkimKeyRecord> invalid ->
            items.add(
                CheckItem.fail(
                    "dkim.key",
                    name + ": " + invalid.reason(),
                    "Republish the key record as printed by ./hikyaku dkim keygen."));
        case ParseResult.Valid<DkimKeyRecord> valid -> items.add(judge(name, valid.value()));
      }
    }
    if (items.isEmpty()) {
      items.add(
          CheckItem.warn(
              "dkim.missing",
              "no DKIM key found under the selectors " + selectors,
              "Give the selector your mail is signed with (--selector), or publish a key: Gmail and"
                  + " Yahoo require DKIM from bulk senders."));
    }
    return items;
  }

  private static CheckItem judge(String name, DkimKeyRecord key) {
    if (key.isRevoked()) {
      return CheckItem.info("dkim.key", name + ": revoked (empty p=)");
    }
    String what =
        name
            + ": "
            + key.keyType().name().toLowerCase(java.util.Locale.ROOT)
            + " "
            + key.keyBits()
            + " bits"
            + (key.isTesting() ? ", t=y (testing)" : "");
    if (key.keyType() == DkimKeyType.RSA && key.keyBits() < 1024) {
      return CheckItem.fail(
          "dkim.key",
          what,
          "Receivers ignore RSA keys under 1024 bits"
              + " (RFC 8301 §3.2): publish a 2048-bit key under a new selector.");
    }
    if (key.keyType() == DkimKeyType.RSA && key.keyBits() < 2048) {
      return CheckItem.warn("dkim.key", what, "Rotate to a 2048-bit key under a new selector.");
    }
    if (key.isTesting()) {
      return CheckItem.warn(
          "dkim.key",
          what,
          "Remove t=y once signing works: in testing mode receivers treat mail as unsigned.");
    }
    return CheckItem.pass("dkim.key", what);
  }
}
