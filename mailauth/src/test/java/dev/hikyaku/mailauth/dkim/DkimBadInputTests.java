package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.bytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.ed25519;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.prepend;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hostile and broken input gives a verdict with a reason: never an exception, never a hang. */
class DkimBadInputTests {

  private static final String BH = "bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
  private static final String GOOD =
      "v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.com; s=sel; h=from:to; "
          + BH
          + "; b=AAAA";

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          missing v=          | v=1;                              |                          | missing required tag v=
          missing a=          | a=ed25519-sha256;                 |                          | missing required tag a=
          missing b=          | '; b=AAAA'                        |                          | missing required tag b=
          missing bh=         | bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=; |           | missing required tag bh=
          missing d=          | d=example.com;                    |                          | missing required tag d=
          missing h=          | h=from:to;                        |                          | missing required tag h=
          missing s=          | s=sel;                            |                          | missing required tag s=
          duplicate tag       | d=example.com;                    | d=example.com; d=evil.example; | duplicate tag d=
          bad base64 in b=    | b=AAAA                            | b=!!!*                   | b= is empty or not base64
          empty b=            | b=AAAA                            | b=                       | b= is empty or not base64
          short bh=           | bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU= | bh=AAAA    | bh= is not a base64 SHA-256 digest
          version 2           | v=1                               | v=2                      | unsupported version v=2
          unknown algorithm   | a=ed25519-sha256                  | a=rsa-sha512             | unknown algorithm a=rsa-sha512
          rsa-sha1            | a=ed25519-sha256                  | a=rsa-sha1               | rsa-sha1 is not accepted (RFC 8301 §3.1)
          unknown canon       | c=relaxed/relaxed                 | c=relaxed/fancy          | unknown canonicalization c=relaxed/fancy
          i= outside d=       | s=sel;                            | s=sel; i=ceo@evil.example; | i= domain is not d= or a subdomain of it
          i= lookalike        | s=sel;                            | s=sel; i=@notexample.com;  | i= domain is not d= or a subdomain of it
          h= without From     | h=from:to                         | h=to:subject             | h= does not include From (RFC 6376 §6.1.1)
          bad header in h=    | h=from:to                         | h=from::to               | bad header name in h=from::to
          l= not a number     | s=sel;                            | s=sel; l=12ab;           | bad body length l=12ab
          l= too long         | s=sel;                            | s=sel; l=12345678901234567890123456789012345678901234567890123456789012345678901234567; | bad body length l=1234567890123456789012345678901234567890...
          t= 13 digits        | s=sel;                            | s=sel; t=1234567890123;  | bad time t=1234567890123
          x= before t=        | s=sel;                            | s=sel; t=1700000000; x=1600000000; | x= is not after t=
          x= equal to t=      | s=sel;                            | s=sel; t=1700000000; x=1700000000; | x= is not after t=
          unknown q=          | s=sel;                            | s=sel; q=dns/foo;        | no supported query method in q=dns/foo
          domain with parens  | d=example.com                     | d=legitimate.com(.attacker.com | bad domain d=legitimate.com(.attacker.com
          single-label d=     | d=example.com                     | d=com                    | bad domain d=com
          selector with space | s=sel                             | s=a b                    | bad selector s=a b
          not a tag list      | v=1;                              | v=1; garbage;            | tag without '=': garbage
          """)
  void malformedSignatureFieldsShouldBePermanentErrorsWithAReason(
      String name, String find, String replace, String reason) {
    String value = GOOD.replace(find, replace == null ? "" : replace);

    DkimVerification result = verifySingle(prepend("DKIM-Signature: " + value + "\r\n", MESSAGE));

    assertThat(result.result()).as(value).isEqualTo(DkimResult.PERMERROR);
    assertThat(result.reason()).isEqualTo(reason);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          no tags at all          | hello world                        | key record: tag without '=': hello world
          SPF record              | v=spf1 -all                        | key record: v= must be first and DKIM1, not spf1 -all
          v= not first            | k=ed25519; v=DKIM1; p=AAAA         | key record: v= must be first and DKIM1, not DKIM1
          missing p=              | v=DKIM1; k=ed25519                 | key record: missing p=
          p= not base64           | v=DKIM1; k=ed25519; p=!!!          | key record: p= is not base64
          31-byte Ed25519 key     | v=DKIM1; k=ed25519; p=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA== | key record: p= is not a valid ed25519 public key
          RSA key of garbage      | v=DKIM1; k=rsa; p=AAAA             | key record: p= is not a valid rsa public key
          sha1-only key           | v=DKIM1; k=ed25519; h=sha1; p=AAAA | key record: h= does not allow sha256
          duplicate tags          | v=DKIM1; p=AAAA; p=BBBB            | key record: duplicate tag p=
          empty record            | ''                                 | key record: missing p=
          """)
  void brokenKeyRecordsShouldBePermanentErrorsWithAReason(
      String name, String record, String reason) {
    String field =
        DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);
    InMemoryZone zone =
        new InMemoryZone().txt("sel._domainkey.example.com", record == null ? "" : record);

    DkimVerification result = new DkimVerifier(zone, CLOCK).verify(prepend(field, MESSAGE)).get(0);

    assertThat(result.result()).isEqualTo(DkimResult.PERMERROR);
    assertThat(result.reason()).isEqualTo(reason);
  }

  @Test
  void aOneMegabyteHeaderShouldGiveAPermanentErrorQuickly() {
    byte[] huge = prepend("X-Filler: " + "a".repeat(1 << 20) + "\r\n", MESSAGE);

    List<DkimVerification> results =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> verifier().verify(huge));

    assertThat(results)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.result()).isEqualTo(DkimResult.PERMERROR);
          assertThat(r.reason()).isEqualTo("header block larger than 1048576 bytes; not verified");
          assertThat(r.domain()).isEmpty();
        });
  }

  @Test
  void tenThousandHeaderFieldsShouldStillVerifyQuickly() {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 10_000; i++) {
      many.append("Received: from hop").append(i).append(".example.net\r\n");
    }
    byte[] message = prepend(many.toString(), MESSAGE);
    String field =
        DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
            .clock(CLOCK)
            .build()
            .sign(message);

    List<DkimVerification> results =
        assertTimeoutPreemptively(
            Duration.ofSeconds(5), () -> verifier().verify(prepend(field, message)));

    assertThat(results).extracting(DkimVerification::result).containsExactly(DkimResult.PASS);
  }

  @Test
  void tenThousandSignatureFieldsShouldBeCappedQuickly() {
    String junk = "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=x; h=from; bh=AA; b=AA\r\n";
    byte[] message = prepend(junk.repeat(10_000), MESSAGE);

    List<DkimVerification> results =
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> verifier().verify(message));

    assertThat(results).hasSize(10).allMatch(r -> r.result() == DkimResult.PERMERROR);
  }

  @Test
  void randomlyDamagedMessagesShouldNeverThrow() {
    byte[] signed =
        prepend(
            DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
                .clock(CLOCK)
                .build()
                .sign(MESSAGE),
            MESSAGE);
    Random random = new Random(8463);
    DkimVerifier verifier = verifier();
    for (int round = 0; round < 2000; round++) {
      byte[] damaged = signed.clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
      }
      List<DkimVerification> results = verifier.verify(damaged);
      assertThat(results).allSatisfy(r -> assertThat(r.reason()).isNotBlank());
    }
  }

  @Test
  void oddMessageShapesShouldGiveResultsNotExceptions() {
    DkimVerifier verifier = verifier();
    assertThat(verifier.verify(new byte[0])).isEmpty();
    assertThat(verifier.verify(bytes("\r\n\r\n"))).isEmpty();
    assertThat(verifier.verify(bytes("DKIM-Signature:")))
        .extracting(DkimVerification::result)
        .containsExactly(DkimResult.PERMERROR);
    assertThat(verifier.verify(bytes(" continuation first\r\nno colon here\r\n\r\nbody")))
        .isEmpty();
    assertThat(verifier.verify(bytes("DKIM-Signature: " + GOOD)))
        .extracting(DkimVerification::result)
        .containsExactly(DkimResult.PERMERROR); // no From field, no body
  }

  private static DkimVerifier verifier() {
    return new DkimVerifier(zone("sel", "example.com", ed25519().getPublic()), CLOCK);
  }

  private static DkimVerification verifySingle(byte[] message) {
    List<DkimVerification> results = verifier().verify(message);
    assertThat(results).hasSize(1);
    return results.get(0);
  }
}
