package dev.hikyaku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dns.LoopbackDnsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code hikyaku domain check} against a real DNS server (dnsmasq on loopback). */
class DomainCommandTests {

  private static LoopbackDnsServer dns;

  @BeforeAll
  static void publish() throws Exception {
    dns =
        LoopbackDnsServer.builder()
            .local("example.test")
            .local("113.0.203.in-addr.arpa")
            .local("bl.test")
            .mx("example.test", "mx.example.test", 10)
            .host("mx.example.test", "203.0.113.25")
            .txt("example.test", "v=spf1 mx -all")
            .txt(
                "s1._domainkey.example.test",
                DkimKeys.txtStrings(
                        DkimKeys.publicKeyRecord(DkimKeys.generateEd25519().getPublic()))
                    .toArray(String[]::new))
            .txt("_dmarc.example.test", "v=DMARC1; p=none")
            .start();
  }

  @AfterAll
  static void stop() {
    dns.close();
  }

  @Test
  void textReportShouldListEveryItemWithItsFix() {
    CliRun run =
        CliRun.of(
            "domain",
            "check",
            "example.test",
            "--selector",
            "s1",
            "--dnsbl",
            "bl.test",
            "--dns",
            dns.address(),
            "--no-tls-probe");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .contains("Domain check: example.test")
        .doesNotContain("tls.starttls")
        .containsPattern("(?m)^pass +mx.host +MX 10 mx.example.test")
        .containsPattern("(?m)^pass +spf.lookups +1 of 10 DNS lookups")
        .containsPattern("(?m)^pass +dkim.key +s1._domainkey.example.test: ed25519")
        .containsPattern("(?m)^warn +dmarc.policy +p=none")
        .contains("fix: Once the reports show all your mail passing")
        .containsPattern("(?m)^pass +ptr +203.0.113.25 → \\[mx.example.test\\]")
        .containsPattern("(?m)^pass +dnsbl +203.0.113.25 is not listed in bl.test");
  }

  @Test
  void jsonShouldCarryTheItemsAndAFailureExitCode() throws Exception {
    CliRun run =
        CliRun.of(
            "domain",
            "check",
            "nothing.example.test",
            "--json",
            "--dns",
            dns.address(),
            "--no-tls-probe");

    assertThat(run.exit()).isEqualTo(3);
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    assertThat(json.get("domain").asString()).isEqualTo("nothing.example.test");
    assertThat(json.get("items").findValuesAsString("code")).contains("spf.record", "dmarc.record");
  }

  @Test
  void badAddressShouldExitTwo() {
    assertThat(CliRun.of("domain", "check", "example.test", "--ip", "x").exit()).isEqualTo(2);
  }
}
