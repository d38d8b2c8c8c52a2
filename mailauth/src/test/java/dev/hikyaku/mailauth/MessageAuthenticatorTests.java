package dev.hikyaku.mailauth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import dev.hikyaku.mailauth.dmarc.DmarcPolicy;
import dev.hikyaku.mailauth.dmarc.DmarcResult;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.dns.IpLiterals;
import dev.hikyaku.mailauth.results.AuthenticationResultsParser;
import dev.hikyaku.mailauth.results.ParsedAuthenticationResults;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** SPF, DKIM and DMARC together on whole messages, as a receiving MTA runs them. */
class MessageAuthenticatorTests {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC);
  private static final KeyPair KEY = DkimKeys.generateEd25519();
  private static final String MESSAGE =
      "From: =?UTF-8?B?5pel5pys6YOo?= <info@news.example.co.jp>\r\n"
          + "To: customer@example.org\r\nSubject: notice\r\n"
          + "Date: Mon, 23 Nov 2026 10:00:00 +0900\r\nMessage-ID: <a1@news.example.co.jp>\r\n"
          + "\r\nbody\r\n";

  private static InMemoryZone zone() {
    return new InMemoryZone()
        .txt("bounce.example.co.jp", "v=spf1 ip4:192.0.2.0/24 -all")
        .txt("s1._domainkey.example.co.jp", DkimKeys.publicKeyRecord(KEY.getPublic()))
        .txt("_dmarc.example.co.jp", "v=DMARC1; p=quarantine; sp=reject; adkim=r; aspf=r");
  }

  private static byte[] signed(String domain) {
    byte[] message = MESSAGE.getBytes(StandardCharsets.UTF_8);
    String field =
        DkimSigner.builder(domain, "s1", KEY.getPrivate()).clock(CLOCK).build().sign(message);
    return (field + MESSAGE).getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void alignedDkimFromTheOrganisationalDomainShouldPassDmarc() {
    AuthenticationReport report =
        new MessageAuthenticator(zone(), CLOCK, "mx.hikyaku.test")
            .authenticate(
                signed("example.co.jp"),
                IpLiterals.parse("198.51.100.7"),
                "out.example.net",
                "bounce+x@bounce.example.co.jp");

    assertThat(report.fromDomains()).containsExactly("news.example.co.jp");
    assertThat(report.spf().result()).isEqualTo(SpfResult.FAIL);
    assertThat(report.dkim())
        .singleElement()
        .extracting(d -> d.result())
        .isEqualTo(DkimResult.PASS);
    assertThat(report.dmarc().result()).isEqualTo(DmarcResult.PASS);
    assertThat(report.dmarc().dkimAlignedDomain()).map(Object::toString).contains("example.co.jp");
  }

  @Test
  void authenticationResultsShouldParseBackToTheSameVerdicts() {
    AuthenticationReport report =
        new MessageAuthenticator(zone(), CLOCK, "mx.hikyaku.test")
            .authenticate(
                signed("example.co.jp"),
                IpLiterals.parse("192.0.2.9"),
                "out.example.co.jp",
                "bounce+x@bounce.example.co.jp");

    ParsedAuthenticationResults parsed =
        AuthenticationResultsParser.parse(report.authenticationResultsField());

    assertThat(parsed.authenticationResults()).isPresent();
    assertThat(parsed.authenticationResults().get().authservId()).isEqualTo("mx.hikyaku.test");
    assertThat(parsed.results())
        .extracting(r -> r.method() + "=" + r.result())
        .containsExactly("spf=pass", "dkim=pass", "dmarc=pass");
  }

  @Test
  void unalignedSignatureAndSpfFailShouldApplyTheSubdomainPolicy() {
    InMemoryZone zone =
        zone().txt("s1._domainkey.esp.example", DkimKeys.publicKeyRecord(KEY.getPublic()));

    AuthenticationReport report =
        new MessageAuthenticator(zone, CLOCK, "mx.hikyaku.test")
            .authenticate(
                signed("esp.example"),
                IpLiterals.parse("203.0.113.1"),
                "out.esp.example",
                "bounce@bounce.example.co.jp");

    assertThat(report.dkim())
        .singleElement()
        .extracting(d -> d.result())
        .isEqualTo(DkimResult.PASS);
    assertThat(report.dmarc().result()).isEqualTo(DmarcResult.FAIL);
    assertThat(report.dmarc().appliedPolicy()).isEqualTo(DmarcPolicy.REJECT);
    assertThat(report.authenticationResultsField()).contains("policy.dmarc=reject");
  }

  @Test
  void hostileMessagesShouldGiveVerdictsNotExceptions() {
    MessageAuthenticator authenticator = new MessageAuthenticator(zone(), CLOCK, "mx.hikyaku.test");
    byte[][] messages = {
      new byte[0],
      "no header block at all".getBytes(StandardCharsets.UTF_8),
      "From:\r\n\r\n".getBytes(StandardCharsets.UTF_8),
      ("DKIM-Signature: v=1; a=rsa-sha256; b=!!!; bh=???\r\nFrom: a@"
              + "x".repeat(70_000)
              + "\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8),
      new byte[] {(byte) 0xff, (byte) 0xfe, 0, '\n', '\n'},
      ("DKIM-Signature: v=1; a=rsa-sha256; d=exa\r\n mple.com; s=s\u0001; h=from; bh=x; b=y\r\n"
              + "From: a@exa\u0001mple.com\r\n\r\n")
          .getBytes(StandardCharsets.UTF_8)
    };
    for (byte[] message : messages) {
      AuthenticationReport report =
          authenticator.authenticate(
              message, IpLiterals.parse("192.0.2.1"), "he\u0001lo", "a\r\nb@x.example");
      assertThat(report.dmarc().result()).isIn(DmarcResult.PERMERROR, DmarcResult.NONE);
      assertThat(report.authenticationResultsField())
          .startsWith("Authentication-Results:")
          .doesNotContain("\u0001")
          .doesNotContainPattern("\r\n[^ \t]");
    }
  }
}
