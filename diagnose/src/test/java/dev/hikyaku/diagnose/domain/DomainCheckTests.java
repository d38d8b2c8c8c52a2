package dev.hikyaku.diagnose.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.IpLiterals;
import dev.hikyaku.mailauth.dns.LoopbackDnsServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The domain check on a well-configured domain, a neglected one and a blocklisted sender. */
class DomainCheckTests {

  private static final String DKIM =
      DkimKeys.publicKeyRecord(DkimKeys.generateRsa(2048).getPublic());

  private static InMemoryZone goodZone() {
    return new InMemoryZone()
        .mx("example.co.jp", 10, "mx1.example.co.jp")
        .address("mx1.example.co.jp", "192.0.2.25")
        .ptr("192.0.2.25", "mx1.example.co.jp")
        .txt("example.co.jp", "v=spf1 mx include:_spf.esp.test -all")
        .txt("_spf.esp.test", "v=spf1 ip4:198.51.100.0/24 ~all")
        .txt("s2026._domainkey.example.co.jp", DKIM)
        .txt("_dmarc.example.co.jp", "v=DMARC1; p=reject; rua=mailto:d@example.co.jp")
        .txt("_mta-sts.example.co.jp", "v=STSv1; id=20261123")
        .txt("_smtp._tls.example.co.jp", "v=TLSRPTv1; rua=mailto:tls@example.co.jp")
        .ptr("198.51.100.7", "out7.esp.test")
        .address("out7.esp.test", "198.51.100.7");
  }

  @Test
  void wellConfiguredDomainShouldPassEveryItem() {
    DomainReport report =
        new DomainCheck(goodZone())
            .check(
                "Example.co.jp.",
                new DomainCheckOptions(
                    List.of("s2026"), List.of(IpLiterals.parse("198.51.100.7")), List.of()));

    assertThat(report.domain()).isEqualTo("example.co.jp");
    assertThat(report.items())
        .allSatisfy(i -> assertThat(i.status()).as(i.toString()).isEqualTo(CheckStatus.PASS));
    assertThat(report.about("spf.lookups").get(0).detail()).startsWith("2 of 10 DNS lookups");
    assertThat(report.about("dkim.key").get(0).detail()).contains("rsa 2048 bits");
    assertThat(report.about("bulk.")).hasSize(4);
  }

  @Test
  void neglectedDomainShouldFailWithFixes() {
    InMemoryZone zone =
        new InMemoryZone()
            .mx("old.example", 10, "gone.old.example")
            .txt("old.example", "v=spf1 a:x1.old.example a:x2.old.example a:x3.old.example ?all")
            .txt("_dmarc.old.example", "v=DMARC1; p=none");

    DomainReport report = new DomainCheck(zone).check("old.example", DomainCheckOptions.defaults());

    assertThat(report.worst()).isEqualTo(CheckStatus.FAIL);
    assertThat(report.about("mx.host").get(0).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(report.about("spf.problem")).anyMatch(i -> i.detail().contains("void"));
    assertThat(report.about("spf.all").get(0).status()).isEqualTo(CheckStatus.WARN);
    assertThat(report.about("dkim.missing").get(0).status()).isEqualTo(CheckStatus.WARN);
    assertThat(report.about("dmarc.policy").get(0).fix()).contains("p=quarantine");
    assertThat(report.about("dmarc.reports").get(0).status()).isEqualTo(CheckStatus.WARN);
    assertThat(report.about("bulk.dkim").get(0).status()).isEqualTo(CheckStatus.WARN);
    assertThat(report.about("bulk.dmarc").get(0).status()).isEqualTo(CheckStatus.PASS);
    assertThat(report.about("spf.lookups").get(0).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(report.about("bulk.spf").get(0).status()).isEqualTo(CheckStatus.FAIL);
    assertThat(report.items())
        .allSatisfy(i -> {
          if (i.status() == CheckStatus.FAIL || i.status() == CheckStatus.WARN) {
            assertThat(i.fix()).as(i.code()).isNotBlank();
          }
        });
  }

  @Test
  void blocklistedAddressAndMissingPtrShouldFailAgainstARealDnsServer() throws Exception {
    try (LoopbackDnsServer dns =
        LoopbackDnsServer.builder()
            .local("example.test")
            .local("bl.test")
            .txt("example.test", "v=spf1 ip4:203.0.113.5 -all")
            .txt("_dmarc.example.test", "v=DMARC1; p=quarantine; rua=mailto:d@example.test")
            .host("5.113.0.203.bl.test", "127.0.0.2")
            .start()) {
      DomainReport report =
          new DomainCheck(dns.resolver())
              .check(
                  "example.test",
                  new DomainCheckOptions(
                      List.of(), List.of(IpLiterals.parse("203.0.113.5")), List.of("bl.test")));

      assertThat(report.about("dnsbl"))
          .singleElement()
          .satisfies(i -> {
            assertThat(i.status()).isEqualTo(CheckStatus.FAIL);
            assertThat(i.detail())
                .contains("203.0.113.5 is listed in bl.test")
                .contains("127.0.0.2");
          });
      assertThat(report.about("ptr").get(0).status()).isEqualTo(CheckStatus.FAIL);
      assertThat(report.about("mx.missing").get(0).status()).isEqualTo(CheckStatus.WARN);
      assertThat(report.about("bulk.ptr").get(0).status()).isEqualTo(CheckStatus.FAIL);
    }
  }
}
