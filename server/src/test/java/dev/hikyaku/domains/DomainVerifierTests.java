package dev.hikyaku.domains;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.LoopbackDnsServer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Verification against a real DNS server (dnsmasq on loopback) and hostile SPF situations. */
class DomainVerifierTests {

  private static final DomainsProperties PROPERTIES =
      new DomainsProperties(
          List.of("ip4:192.0.2.10", "include:_spf.relay.test"),
          "bounces",
          "mx.hikyaku.test",
          "dmarc-reports",
          java.time.Duration.ofDays(7));

  private static final SendingDomain DOMAIN =
      new SendingDomain(
          1,
          "news.example.jp",
          "bounces.news.example.jp",
          SendingDomain.Status.UNVERIFIED,
          "test",
          Instant.parse("2026-11-23T00:00:00Z"),
          Optional.empty(),
          Optional.empty(),
          "");

  private static DkimKey key(String selector, java.security.KeyPair pair) {
    return new DkimKey(
        1,
        1,
        selector,
        DkimKey.Algorithm.RSA_SHA256,
        2048,
        DkimKeys.publicKeyRecord(pair.getPublic()),
        DkimKey.State.PENDING,
        Instant.EPOCH,
        Optional.empty(),
        Optional.empty());
  }

  @Test
  void everyPublishedRecordShouldBeFoundThroughARealDnsServer() throws Exception {
    var rsa = key("hk202611r", DkimKeys.generateRsa(2048));
    var plan = RecordPlan.of(DOMAIN, List.of(rsa), PROPERTIES);
    try (LoopbackDnsServer dns =
        LoopbackDnsServer.builder()
            .local("jp")
            .local("test")
            .txt(rsa.recordName("news.example.jp"), rsa.txtStrings().toArray(String[]::new))
            .txt("bounces.news.example.jp", "v=spf1 ip4:192.0.2.10 include:_spf.relay.test -all")
            .txt("_spf.relay.test", "v=spf1 ip4:203.0.113.0/24 -all")
            .mx("bounces.news.example.jp", "mx.hikyaku.test", 10)
            .txt("_dmarc.example.jp", "v=DMARC1; p=quarantine; rua=mailto:d@example.jp")
            .start()) {
      Map<ExpectedRecord.Kind, RecordCheck> checks =
          byKind(new DomainVerifier(dns.resolver(), PROPERTIES).verify(DOMAIN, plan));
      assertThat(checks.get(ExpectedRecord.Kind.DKIM).status()).isEqualTo(RecordCheck.Status.FOUND);
      assertThat(checks.get(ExpectedRecord.Kind.SPF).reason()).isEqualTo("spf.found");
      assertThat(checks.get(ExpectedRecord.Kind.RETURN_PATH_MX).status())
          .isEqualTo(RecordCheck.Status.FOUND);
      // The organisational domain's record applies (RFC 9989 §4.10 tree walk).
      RecordCheck dmarc = checks.get(ExpectedRecord.Kind.DMARC);
      assertThat(dmarc.status()).isEqualTo(RecordCheck.Status.FOUND);
      assertThat(dmarc.detail()).contains("inherited from example.jp").contains("p=quarantine");
      assertThat(dmarc.suggestion())
          .hasValue("v=DMARC1; p=reject; rua=mailto:dmarc-reports@news.example.jp");
      assertThat(checks.get(ExpectedRecord.Kind.MTA_STS).status())
          .isEqualTo(RecordCheck.Status.MISSING);
      assertThat(checks.get(ExpectedRecord.Kind.MTA_STS).blocking()).isFalse();
    }
  }

  @Test
  void missingRecordsAndAnMxElsewhereShouldBeReportedThroughARealDnsServer() throws Exception {
    var rsa = key("hk202611r", DkimKeys.generateRsa(1024));
    var plan = RecordPlan.of(DOMAIN, List.of(rsa), PROPERTIES);
    try (LoopbackDnsServer dns =
        LoopbackDnsServer.builder()
            .local("jp")
            .local("test")
            .mx("bounces.news.example.jp", "mx.elsewhere.test", 10)
            .start()) {
      Map<ExpectedRecord.Kind, RecordCheck> checks =
          byKind(new DomainVerifier(dns.resolver(), PROPERTIES).verify(DOMAIN, plan));
      assertThat(checks.get(ExpectedRecord.Kind.DKIM).status())
          .isEqualTo(RecordCheck.Status.MISSING);
      assertThat(checks.get(ExpectedRecord.Kind.SPF).status())
          .isEqualTo(RecordCheck.Status.MISSING);
      assertThat(checks.get(ExpectedRecord.Kind.DMARC).status())
          .isEqualTo(RecordCheck.Status.MISSING);
      assertThat(checks.get(ExpectedRecord.Kind.RETURN_PATH_MX).reason()).isEqualTo("mx.different");
    }
  }

  @Test
  void anSpfRecordOverTheLookupLimitShouldBeDifferent() {
    InMemoryZone zone = new InMemoryZone();
    StringBuilder record = new StringBuilder("v=spf1");
    for (int i = 0; i < 11; i++) {
      record.append(" include:s").append(i).append(".test");
      zone.txt("s" + i + ".test", "v=spf1 ip4:198.51.100." + i + " -all");
    }
    zone.txt("bounces.news.example.jp", record + " -all");
    RecordCheck check =
        new SpfRecordCheck(zone, PROPERTIES).check(RecordPlan.spf(DOMAIN, PROPERTIES));
    assertThat(check.reason()).isEqualTo("spf.too-many-lookups");
    assertThat(check.detail()).contains("11 DNS lookups");
  }

  @Test
  void twoSpfRecordsShouldBeDifferentWithOneMergedSuggestion() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("bounces.news.example.jp", "v=spf1 mx ~all")
            .txt("bounces.news.example.jp", "v=spf1 ip4:192.0.2.10 -all");
    RecordCheck check =
        new SpfRecordCheck(zone, PROPERTIES).check(RecordPlan.spf(DOMAIN, PROPERTIES));
    assertThat(check.reason()).isEqualTo("spf.multiple");
    assertThat(check.suggestion()).isPresent();
  }

  @Test
  void theMergedSuggestionShouldKeepEveryTermAndInsertBeforeAllOrRedirect() {
    List<String> ours = PROPERTIES.spfMechanisms();
    assertThat(SpfRecordCheck.merge("v=spf1 mx include:_spf.google.com ~all", ours))
        .isEqualTo("v=spf1 mx include:_spf.google.com ip4:192.0.2.10 include:_spf.relay.test ~all");
    assertThat(SpfRecordCheck.merge("v=spf1 a redirect=_spf.example.jp", ours))
        .isEqualTo("v=spf1 a ip4:192.0.2.10 include:_spf.relay.test redirect=_spf.example.jp");
    assertThat(SpfRecordCheck.merge("v=spf1 ip4:192.0.2.10", ours))
        .isEqualTo("v=spf1 ip4:192.0.2.10 include:_spf.relay.test");
  }

  @Test
  void anIncludeThatIsNotPublishedShouldBeNamedAsMissing() {
    InMemoryZone zone =
        new InMemoryZone().txt("bounces.news.example.jp", "v=spf1 ip4:192.0.2.0/24 -all");
    RecordCheck check =
        new SpfRecordCheck(zone, PROPERTIES).check(RecordPlan.spf(DOMAIN, PROPERTIES));
    assertThat(check.reason()).isEqualTo("spf.not-authorised");
    assertThat(check.detail())
        .contains("include:_spf.relay.test")
        .doesNotContain("ip4:192.0.2.10,");
    assertThat(check.suggestion()).hasValue("v=spf1 ip4:192.0.2.0/24 include:_spf.relay.test -all");
  }

  private static Map<ExpectedRecord.Kind, RecordCheck> byKind(List<RecordCheck> checks) {
    return checks.stream()
        .collect(Collectors.toMap(c -> c.expected().kind(), Function.identity(), (a, b) -> a));
  }
}
