package dev.hikyaku.domains;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import dev.hikyaku.mailauth.dns.IpLiterals;
import dev.hikyaku.mailauth.spf.SpfChecker;
import dev.hikyaku.mailauth.spf.SpfLimits;
import dev.hikyaku.mailauth.spf.SpfPolicyInspector;
import dev.hikyaku.mailauth.spf.SpfResult;
import dev.hikyaku.mailauth.spf.SpfVerdict;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Judges the return-path domain's SPF record: exactly one, within the 10-lookup limit (RFC 7208
 * §4.6.4), and authorising this installation (each configured address evaluates to {@code pass};
 * each configured include, a, mx or exists term is present). When it does not, the suggestion is
 * the published record with the missing terms added before its {@code all} (or {@code redirect}),
 * so nothing the domain already authorises is lost; the lookup count of that suggestion is given.
 */
final class SpfRecordCheck {

  private final DnsResolver dns;
  private final DomainsProperties properties;

  SpfRecordCheck(DnsResolver dns, DomainsProperties properties) {
    this.dns = dns;
    this.properties = properties;
  }

  RecordCheck check(ExpectedRecord expected) {
    String domain = expected.name();
    DnsResult<String> answer = dns.txt(domain);
    if (answer.isTemporaryFailure()) {
      return RecordCheck.unreachable(expected, "DNS lookup of " + domain + " failed");
    }
    List<String> records = answer.records().stream().filter(SpfRecordCheck::isSpf).toList();
    if (records.isEmpty()) {
      return RecordCheck.missing(
          expected, "spf.missing", "no SPF record at " + domain + "; publish the suggested one");
    }
    if (records.size() > 1) {
      // RFC 7208 §4.5: more than one record is a permerror for every receiver.
      return RecordCheck.different(
              expected,
              records,
              "spf.multiple",
              domain + " publishes " + records.size() + " SPF records; keep exactly one")
          .withSuggestion(merge(records.get(0), properties.spfMechanisms()));
    }
    String record = records.get(0);
    int lookups = new SpfPolicyInspector(dns).inspect(domain).dnsLookups();
    if (lookups > SpfLimits.RFC_7208.dnsMechanisms()) {
      return RecordCheck.different(
          expected,
          records,
          "spf.too-many-lookups",
          "the record needs "
              + lookups
              + " DNS lookups, more than the 10 receivers allow (RFC 7208 §4.6.4):"
              + " replace include terms by ip4/ip6 ranges");
    }
    List<String> missing = missingTerms(domain, record);
    if (!missing.isEmpty()) {
      String merged = merge(record, missing);
      return RecordCheck.different(
              expected,
              records,
              "spf.not-authorised",
              "the record does not authorise "
                  + String.join(", ", missing)
                  + "; the suggestion adds it ("
                  + (lookups + addedLookups(missing))
                  + " of 10 DNS lookups)")
          .withSuggestion(merged);
    }
    return RecordCheck.found(
        expected,
        records,
        properties.spfMechanisms().isEmpty() ? "spf.found-unchecked" : "spf.found",
        properties.spfMechanisms().isEmpty()
            ? "an SPF record exists; set hikyaku.domains.spf-mechanisms to have it checked"
            : "the record authorises this installation (" + lookups + " of 10 DNS lookups)");
  }

  /** The configured terms the record does not authorise. */
  private List<String> missingTerms(String domain, String record) {
    List<String> missing = new ArrayList<>();
    SpfChecker checker = new SpfChecker(dns);
    List<String> published = terms(record);
    for (String term : properties.spfMechanisms()) {
      Optional<InetAddress> ip = address(term);
      if (ip.isPresent()) {
        SpfVerdict verdict = checker.checkMailFrom(ip.get(), "postmaster@" + domain, domain);
        if (verdict.result() != SpfResult.PASS) {
          missing.add(term);
        }
      } else if (!published.contains(term.toLowerCase(Locale.ROOT))) {
        missing.add(term);
      }
    }
    return missing;
  }

  /** The record with the terms it lacks from {@code add} inserted before all/redirect. */
  static String merge(String record, List<String> add) {
    List<String> terms = new ArrayList<>(List.of(record.strip().split("\\s+")));
    List<String> lower = terms.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList();
    int at = terms.size();
    for (int i = 1; i < terms.size(); i++) {
      String t = lower.get(i);
      if (t.matches("[-+~?]?all") || t.startsWith("redirect=")) {
        at = i;
        break;
      }
    }
    List<String> missing = new ArrayList<>();
    for (String term : add) {
      if (!lower.contains(term.toLowerCase(Locale.ROOT))) {
        missing.add(term);
      }
    }
    terms.addAll(at, missing);
    return String.join(" ", terms);
  }

  /** DNS lookups the terms add: one per include/a/mx/exists/ptr plus what an include holds. */
  private int addedLookups(List<String> terms) {
    int n = 0;
    for (String term : terms) {
      String t = term.toLowerCase(Locale.ROOT).replaceFirst("^[-+~?]", "");
      if (t.startsWith("include:")) {
        n += 1 + new SpfPolicyInspector(dns).inspect(t.substring(8)).dnsLookups();
      } else if (t.equals("a") || t.equals("mx") || t.matches("(a|mx|exists|ptr)[:/].*")) {
        n += 1;
      }
    }
    return n;
  }

  private static Optional<InetAddress> address(String term) {
    String t = term.toLowerCase(Locale.ROOT).replaceFirst("^\\+", "");
    if (t.startsWith("ip4:") || t.startsWith("ip6:")) {
      String literal = t.substring(4);
      int slash = literal.indexOf('/');
      return IpLiterals.tryParse(slash < 0 ? literal : literal.substring(0, slash));
    }
    return Optional.empty();
  }

  private static List<String> terms(String record) {
    return List.of(record.strip().toLowerCase(Locale.ROOT).split("\\s+"));
  }

  private static boolean isSpf(String text) {
    // RFC 7208 §4.5: "v=spf1" followed by a space or the end, case-insensitively.
    String t = text.toLowerCase(Locale.ROOT);
    return t.equals("v=spf1") || t.startsWith("v=spf1 ");
  }
}
