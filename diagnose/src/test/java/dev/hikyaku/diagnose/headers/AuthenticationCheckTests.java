package dev.hikyaku.diagnose.headers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.MessageAuthenticator;
import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.message.HeaderBlock;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Recorded Authentication-Results against a re-check with mailauth. */
class AuthenticationCheckTests {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);
  private static final KeyPair KEY = DkimKeys.generateEd25519();
  private static final String ORIGINAL =
      "From: news@example.co.jp\r\nTo: a@example.org\r\nSubject: notice\r\n"
          + "Date: Mon, 23 Nov 2026 10:00:00 +0900\r\nMessage-ID: <1@example.co.jp>\r\n\r\n"
          + "original body\r\n";
  private static final String TRACE =
      "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=bounce@example.co.jp;"
          + " dkim=pass header.d=example.co.jp; dmarc=pass header.from=example.co.jp\r\n"
          + "Return-Path: <bounce@example.co.jp>\r\n"
          + "Received: from out.example.co.jp (out.example.co.jp [192.0.2.25])\r\n"
          + "\tby mx.example.org (Postfix) with ESMTPS id 4AbC; Mon, 23 Nov 2026 10:00:05 +0900\r\n"
          + "Received: from app.example.co.jp (app.example.co.jp [10.0.0.5])\r\n"
          + "\tby out.example.co.jp (Postfix) with ESMTPSA id 9XyZ; Mon, 23 Nov 2026 10:00:01"
          + " +0900\r\n";

  private static InMemoryZone zone() {
    return new InMemoryZone()
        .txt("example.co.jp", "v=spf1 ip4:192.0.2.0/24 -all")
        .txt("s1._domainkey.example.co.jp", DkimKeys.publicKeyRecord(KEY.getPublic()))
        .txt("_dmarc.example.co.jp", "v=DMARC1; p=reject");
  }

  private static byte[] message(String body) {
    String signature =
        DkimSigner.builder("example.co.jp", "s1", KEY.getPrivate())
            .clock(CLOCK)
            .build()
            .sign(ORIGINAL.getBytes(StandardCharsets.UTF_8));
    return (TRACE + signature + ORIGINAL.replace("original body", body))
        .getBytes(StandardCharsets.UTF_8);
  }

  private static AuthenticationCheck.Comparison compare(byte[] message, InMemoryZone zone) {
    HeaderBlock headers = HeaderBlock.read(message, 1 << 20);
    HopReport hops = new HopAnalyzer(CLOCK).analyze(headers);
    return AuthenticationCheck.compare(
        message, headers, hops, new MessageAuthenticator(zone, CLOCK, "recheck.hikyaku.test"));
  }

  @Test
  void recordedVerdictsShouldBeReadAndAnUnchangedMessageAgree() {
    AuthenticationCheck.Comparison comparison = compare(message("original body"), zone());

    assertThat(comparison.recorded())
        .extracting(r -> r.authservId() + " " + r.method() + "=" + r.result())
        .containsExactly(
            "mx.example.org spf=pass", "mx.example.org dkim=pass", "mx.example.org dmarc=pass");
    assertThat(comparison.recheck()).isPresent();
    assertThat(comparison.recheck().get().spf().result().rfcName()).isEqualTo("pass");
    assertThat(comparison.findings()).isEmpty();
  }

  @Test
  void bodyChangedAfterDeliveryShouldExplainTheDkimDifference() {
    AuthenticationCheck.Comparison comparison = compare(message("footer added"), zone());

    assertThat(comparison.findings())
        .singleElement()
        .satisfies(f -> {
          assertThat(f.code()).isEqualTo("auth.differs");
          assertThat(f.severity()).isEqualTo(Severity.WARNING);
          assertThat(f.message())
              .startsWith("dkim: mx.example.org recorded pass, the re-check gives fail")
              .contains("changed afterwards");
        });
  }

  @Test
  void senderDnsChangedSinceDeliveryShouldShowAsSpfDifference() {
    InMemoryZone changed =
        zone().txt("example.co.jp", "v=spf1 -all"); // a second SPF record: permerror now

    AuthenticationCheck.Comparison comparison = compare(message("original body"), changed);

    assertThat(comparison.findings())
        .anyMatch(f ->
            f.message()
                .startsWith(
                    "spf: mx.example.org recorded pass, the re-check" + " gives permerror"));
  }

  @Test
  void messageWithoutAClientAddressShouldSkipTheRecheck() {
    byte[] bare = ORIGINAL.getBytes(StandardCharsets.UTF_8);

    AuthenticationCheck.Comparison comparison = compare(bare, zone());

    assertThat(comparison.recheck()).isEmpty();
    assertThat(comparison.findings())
        .extracting(Finding::code)
        .containsExactly("auth.recheck-skipped");
  }
}
