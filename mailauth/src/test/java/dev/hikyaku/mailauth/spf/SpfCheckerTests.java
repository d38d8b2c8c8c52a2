package dev.hikyaku.mailauth.spf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.DnsJavaResolver;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.IpLiterals;
import dev.hikyaku.mailauth.dns.LoopbackDnsServer;
import dev.hikyaku.mailauth.dns.RecordType;
import java.net.InetAddress;
import java.time.Duration;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SPF rules beyond the RFC 7208 suite: identities, limits, failures and hostile input. */
class SpfCheckerTests {

  private static final InetAddress CLIENT = IpLiterals.parse("192.0.2.10");

  private static SpfVerdict check(InMemoryZone zone, String mailFrom) {
    return new SpfChecker(zone).checkMailFrom(CLIENT, mailFrom, "mail.example.org");
  }

  @Test
  void passShouldNameTheMatchingMechanismAndDomain() {
    InMemoryZone zone = new InMemoryZone().txt("example.com", "v=spf1 ip4:192.0.2.0/24 -all");

    SpfVerdict verdict = check(zone, "news@example.com");

    assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
    assertThat(verdict.identity()).isEqualTo("mailfrom");
    assertThat(verdict.domain()).isEqualTo("example.com");
    assertThat(verdict.mechanism()).contains("ip4:192.0.2.0/24");
    assertThat(verdict.explanation()).isEmpty();
  }

  @Test
  void failShouldCarryTheDefaultExplanation() {
    InMemoryZone zone = new InMemoryZone().txt("example.com", "v=spf1 -all");

    SpfVerdict verdict = check(zone, "news@example.com");

    assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
    assertThat(verdict.explanation())
        .contains("example.com does not designate 192.0.2.10 as a permitted sender");
  }

  @Test
  void nullSenderShouldCheckTheHeloIdentity() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("mail.example.org", "v=spf1 a -all")
            .address("mail.example.org", "192.0.2.10");

    SpfVerdict verdict = check(zone, "");

    assertThat(verdict.result()).isEqualTo(SpfResult.PASS);
    assertThat(verdict.identity()).isEqualTo("helo");
    assertThat(verdict.domain()).isEqualTo("mail.example.org");
  }

  @Test
  void heloCheckShouldIgnoreAddressLiterals() {
    SpfVerdict verdict = new SpfChecker(new InMemoryZone()).checkHelo(CLIENT, "[192.0.2.10]");

    assertThat(verdict.result()).isEqualTo(SpfResult.NONE);
  }

  @Test
  void ipv6ClientShouldMatchIp6AndAaaaButNotIp4() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("example.com", "v=spf1 ip4:0.0.0.0/0 a:v6.example.com -all")
            .address("v6.example.com", "2001:db8::25");
    SpfChecker checker = new SpfChecker(zone);

    assertThat(
            checker
                .checkMailFrom(IpLiterals.parse("2001:db8::25"), "a@example.com", "x.test")
                .result())
        .isEqualTo(SpfResult.PASS);
    assertThat(
            checker
                .checkMailFrom(IpLiterals.parse("2001:db8::26"), "a@example.com", "x.test")
                .result())
        .isEqualTo(SpfResult.FAIL);
  }

  @Test
  void eleventhDnsMechanismShouldBePermerror() {
    InMemoryZone zone = new InMemoryZone();
    String includes =
        IntStream.rangeClosed(1, 11)
            .mapToObj(i -> "include:i" + i + ".example.com")
            .collect(Collectors.joining(" "));
    zone.txt("example.com", "v=spf1 " + includes + " -all");
    IntStream.rangeClosed(1, 11).forEach(i -> zone.txt("i" + i + ".example.com", "v=spf1 ?all"));

    SpfVerdict verdict = check(zone, "a@example.com");

    assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(verdict.reason()).contains("more than 10");
    assertThat(zone.queries()).doesNotContain("TXT i11.example.com");
  }

  @Test
  void thirdVoidLookupShouldBePermerror() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("example.com", "v=spf1 a:n1.example.com a:n2.example.com a:n3.example.com -all");

    SpfVerdict verdict = check(zone, "a@example.com");

    assertThat(verdict.result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(verdict.reason()).contains("void").contains("n3.example.com");
  }

  @Test
  void dnsTimeoutShouldBeTemperror() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("example.com", "v=spf1 mx -all")
            .timeout("example.com", RecordType.MX);

    assertThat(check(zone, "a@example.com").result()).isEqualTo(SpfResult.TEMPERROR);
    assertThat(check(new InMemoryZone().timeout("example.com"), "a@example.com").result())
        .isEqualTo(SpfResult.TEMPERROR);
  }

  @Test
  @Timeout(5)
  void hostileRecordsShouldGivePermerrorQuickly() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("huge.example.com", "v=spf1 " + "ip4:192.0.2.1 ".repeat(50_000) + "-all")
            .txt("junk.example.com", "v=spf1 \u0000\u00ff%{" + "{".repeat(10_000))
            .txt("loop.example.com", "v=spf1 include:loop.example.com -all")
            .txt("macro.example.com", "v=spf1 exists:%{l1000000r-}.x.example.com -all");

    assertThat(check(zone, "a@huge.example.com").result()).isEqualTo(SpfResult.FAIL);
    assertThat(check(zone, "a@junk.example.com").result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(check(zone, "a@loop.example.com").result()).isEqualTo(SpfResult.PERMERROR);
    assertThat(check(zone, "a@macro.example.com").result()).isEqualTo(SpfResult.FAIL);
  }

  @Test
  void realDnsServerShouldServeTheSameVerdicts() throws Exception {
    try (LoopbackDnsServer server =
        LoopbackDnsServer.builder()
            .local("example.test")
            .txt("example.test", "v=spf1 mx include:_spf.example.test -all")
            .txt("_spf.example.test", "v=spf1 ip6:2001:db8:25::/48 ~all")
            .mx("example.test", "mx.example.test", 10)
            .host("mx.example.test", "192.0.2.25")
            .start()) {
      SpfChecker checker =
          new SpfChecker(
              DnsJavaResolver.builder()
                  .server(server.address())
                  .timeout(Duration.ofSeconds(2))
                  .build());

      assertThat(result(checker, "192.0.2.25", "a@example.test")).startsWith("pass");
      assertThat(result(checker, "2001:db8:25::9", "a@example.test")).startsWith("pass");
      assertThat(result(checker, "192.0.2.99", "a@example.test")).startsWith("fail");
      assertThat(result(checker, "192.0.2.99", "a@other.test")).startsWith("temperror");
    }
  }

  /** The result and its reason, so a failure says why. */
  private static String result(SpfChecker checker, String ip, String mailFrom) {
    SpfVerdict verdict = checker.checkMailFrom(IpLiterals.parse(ip), mailFrom, "h.test");
    return verdict.result().rfcName() + ": " + verdict.reason();
  }

  @Test
  @Timeout(5)
  void longMacroExpansionsShouldBeShortenedInLinearTime() {
    String helo = ("a." + "b.".repeat(124)) + "example";
    InMemoryZone zone =
        new InMemoryZone().txt("example.com", "v=spf1 exists:" + "%{h}".repeat(12_000) + " -all");

    SpfVerdict verdict = new SpfChecker(zone).checkMailFrom(CLIENT, "a@example.com", helo);

    assertThat(verdict.result()).isEqualTo(SpfResult.FAIL);
  }

  @Test
  @Timeout(5)
  void longHostileTopLabelShouldBeRejectedQuickly() {
    InMemoryZone zone =
        new InMemoryZone().txt("example.com", "v=spf1 a:x." + "a".repeat(60_000) + "! -all");

    assertThat(check(zone, "a@example.com").result()).isEqualTo(SpfResult.PERMERROR);
  }

  @Test
  void validatedDomainShouldBeLookedUpOncePerCheck() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("example.com", "v=spf1 include:i1.example.com include:i2.example.com -all")
            .txt("i1.example.com", "v=spf1 exists:%{p}.allow.example.com ?all")
            .txt("i2.example.com", "v=spf1 exists:%{p}.allow2.example.com ?all")
            .ptr("192.0.2.10", "mail.example.com")
            .address("mail.example.com", "192.0.2.10");

    check(zone, "a@example.com");

    assertThat(zone.queries().stream().filter(q -> q.startsWith("PTR "))).hasSize(1);
  }

  @Test
  void exhaustedTimeBudgetShouldBeTemperror() {
    InMemoryZone zone = new InMemoryZone().txt("example.com", "v=spf1 -all");
    SpfChecker checker =
        new SpfChecker(
            zone, java.time.Clock.systemUTC(), null, new SpfLimits(10, 2, 10, Duration.ofNanos(1)));

    SpfVerdict verdict = checker.checkMailFrom(CLIENT, "a@example.com", "h.test");

    assertThat(verdict.result()).isEqualTo(SpfResult.TEMPERROR);
    assertThat(verdict.reason()).contains("longer than");
  }
}
