package dev.hikyaku.domains;

import dev.hikyaku.mailauth.dkim.DkimKeyRecord;
import dev.hikyaku.mailauth.dkim.ParseResult;
import dev.hikyaku.mailauth.dmarc.DnsDomain;
import dev.hikyaku.mailauth.dmarc.RecordLookup;
import dev.hikyaku.mailauth.dmarc.TreeWalk;
import dev.hikyaku.mailauth.dmarc.WalkOutcome;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import dev.hikyaku.mailauth.dns.MxRecord;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Looks each expected record up through mailauth's resolver and says found, missing or different,
 * with the fix. SPF is judged by {@link SpfRecordCheck}; the rest here.
 */
final class DomainVerifier {

  private final DnsResolver dns;
  private final DomainsProperties properties;

  DomainVerifier(DnsResolver dns, DomainsProperties properties) {
    this.dns = dns;
    this.properties = properties;
  }

  List<RecordCheck> verify(SendingDomain domain, List<ExpectedRecord> plan) {
    return plan.stream().map(e -> check(domain, e)).toList();
  }

  private RecordCheck check(SendingDomain domain, ExpectedRecord expected) {
    return switch (expected.kind()) {
      case DKIM -> dkim(expected);
      case SPF -> new SpfRecordCheck(dns, properties).check(expected);
      case DMARC -> dmarc(domain, expected);
      case RETURN_PATH_MX -> mx(expected);
      case MTA_STS -> tagged(expected, "v=STSv1", "mta-sts");
      case TLS_RPT -> tagged(expected, "v=TLSRPTv1", "tls-rpt");
    };
  }

  private RecordCheck dkim(ExpectedRecord expected) {
    DnsResult<String> answer = dns.txt(expected.name());
    if (answer.isTemporaryFailure()) {
      return RecordCheck.unreachable(expected, "DNS lookup of " + expected.name() + " failed");
    }
    if (answer.isVoid()) {
      return RecordCheck.missing(
          expected, "dkim.missing", "no TXT record at " + expected.name() + "; publish it");
    }
    Optional<byte[]> wanted = publicKey(expected.value());
    List<String> found = answer.records();
    for (String text : found) {
      Optional<byte[]> published = publicKey(text);
      if (published.isPresent()
          && wanted.isPresent()
          && java.util.Arrays.equals(published.get(), wanted.get())) {
        return RecordCheck.found(expected, found, "dkim.found", "the key record matches");
      }
    }
    String why =
        found.stream()
            .map(DkimKeyRecord::parse)
            .map(p ->
                switch (p) {
                  case ParseResult.Invalid<DkimKeyRecord> invalid -> invalid.reason();
                  case ParseResult.Valid<DkimKeyRecord> valid ->
                      valid.value().isRevoked() ? "revoked (empty p=)" : "";
                })
            .filter(s -> !s.isEmpty())
            .findFirst()
            .orElse("it publishes another key");
    return RecordCheck.different(
        expected,
        found,
        "dkim.different",
        "the record at " + expected.name() + " does not hold this key: " + why + "; replace it");
  }

  /** The encoded public key of a key record, if it parses and is not revoked. */
  private static Optional<byte[]> publicKey(String record) {
    return DkimKeyRecord.parse(record) instanceof ParseResult.Valid<DkimKeyRecord> valid
        ? valid.value().publicKey().map(java.security.PublicKey::getEncoded)
        : Optional.empty();
  }

  private RecordCheck dmarc(SendingDomain domain, ExpectedRecord expected) {
    DnsDomain start = DnsDomain.of(domain.name());
    WalkOutcome outcome = new TreeWalk(dns).walk(start);
    String rua = properties.dmarcReportLocalPart() + "@" + domain.name();
    return switch (outcome) {
      case WalkOutcome.Failed failed ->
          RecordCheck.unreachable(
              expected, "DNS lookup of _dmarc." + failed.failedAt() + " failed");
      case WalkOutcome.Completed done -> {
        if (done.found().isEmpty()) {
          yield RecordCheck.missing(
              expected,
              "dmarc.missing",
              "no DMARC record at _dmarc." + domain.name() + " or its organisational domain");
        }
        RecordLookup.Found record = done.found().get(0);
        List<String> shown = List.of("_dmarc." + record.domain() + ": " + describe(record));
        if (!record.record().usable()) {
          yield RecordCheck.different(
              expected,
              shown,
              "dmarc.unusable",
              "the DMARC record at _dmarc." + record.domain() + " has an invalid policy");
        }
        String where =
            record.domain().equals(start) ? "" : " (inherited from " + record.domain() + ")";
        RecordCheck check =
            RecordCheck.found(
                expected,
                shown,
                "dmarc.found",
                "DMARC " + describe(record) + " is published" + where);
        yield DmarcStages.next(record.record(), rua).map(check::withSuggestion).orElse(check);
      }
    };
  }

  private static String describe(RecordLookup.Found found) {
    return DmarcStages.describe(found.record().policy(), found.record().testing());
  }

  private RecordCheck mx(ExpectedRecord expected) {
    DnsResult<MxRecord> answer = dns.mx(expected.name());
    if (answer.isTemporaryFailure()) {
      return RecordCheck.unreachable(expected, "DNS lookup of " + expected.name() + " failed");
    }
    if (answer.isVoid()) {
      return RecordCheck.missing(
          expected,
          "mx.missing",
          "no MX record at "
              + expected.name()
              + ": bounces cannot come back, and receivers may refuse the envelope sender");
    }
    List<String> found =
        answer.records().stream().map(r -> r.preference() + " " + r.exchange()).toList();
    String wanted = hostName(properties.bounceMx());
    if (wanted.isEmpty()
        || answer.records().stream().anyMatch(r -> hostName(r.exchange()).equals(wanted))) {
      return RecordCheck.found(expected, found, "mx.found", "the return-path domain has an MX");
    }
    return RecordCheck.different(
        expected,
        found,
        "mx.different",
        "the MX of " + expected.name() + " does not point to " + wanted + ": bounces go elsewhere");
  }

  private RecordCheck tagged(ExpectedRecord expected, String version, String code) {
    DnsResult<String> answer = dns.txt(expected.name());
    if (answer.isTemporaryFailure()) {
      return RecordCheck.unreachable(expected, "DNS lookup of " + expected.name() + " failed");
    }
    List<String> found =
        answer.records().stream()
            .filter(t -> t.regionMatches(true, 0, version, 0, version.length()))
            .toList();
    return found.isEmpty()
        ? RecordCheck.missing(expected, code + ".missing", "optional: no " + version + " record")
        : RecordCheck.found(expected, found, code + ".found", version + " record published");
  }

  private static String hostName(String host) {
    String h = host == null ? "" : host.strip().toLowerCase(Locale.ROOT);
    return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
  }
}
