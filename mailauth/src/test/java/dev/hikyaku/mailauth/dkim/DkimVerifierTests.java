package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.Canonicalization.RELAXED;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.NOW;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.bytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.concat;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.ed25519;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.prepend;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.rsa;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the verifier decides about time, keys, DNS and l=, each with its reason. */
class DkimVerifierTests {

  private static final String KEY_NAME = "sel._domainkey.example.com";

  @Test
  void anUnsignedMessageShouldGiveNoVerdicts() {
    assertThat(verifier(new InMemoryZone(), CLOCK).verify(MESSAGE)).isEmpty();
  }

  @Test
  void anExpiredSignatureShouldFailButNotWithinTheClockSkew() {
    String field = edSigner().expireAfter(Duration.ofHours(1)).build().sign(MESSAGE);
    InMemoryZone zone = zone("sel", "example.com", ed25519().getPublic());

    assertThat(field).contains("x=" + (NOW.getEpochSecond() + 3600) + ";");
    assertThat(verifyAt(zone, field, Duration.ofMinutes(64)).result()).isEqualTo(DkimResult.PASS);
    DkimVerification expired = verifyAt(zone, field, Duration.ofMinutes(66));
    assertThat(expired.result()).isEqualTo(DkimResult.FAIL);
    assertThat(expired.reason()).isEqualTo("signature expired at 2026-01-15T11:00:00Z");
  }

  @Test
  void aSignatureFromTheFutureShouldFailButNotWithinTheClockSkew() {
    String field = edSigner().build().sign(MESSAGE);
    InMemoryZone zone = zone("sel", "example.com", ed25519().getPublic());

    assertThat(verifyAt(zone, field, Duration.ofMinutes(-4)).result()).isEqualTo(DkimResult.PASS);
    DkimVerification future = verifyAt(zone, field, Duration.ofMinutes(-6));
    assertThat(future.result()).isEqualTo(DkimResult.FAIL);
    assertThat(future.reason()).isEqualTo("signature time t= is in the future");
  }

  @Test
  void aRevokedKeyShouldFail() {
    InMemoryZone zone = new InMemoryZone().txt(KEY_NAME, "v=DKIM1; k=ed25519; p=");

    assertThat(verifyNow(zone, edSigner().build().sign(MESSAGE)))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.FAIL, "key revoked (empty p=)");
  }

  @Test
  void aTestingKeyShouldBeReportedWithTheResult() {
    String record = DkimKeys.publicKeyRecord(ed25519().getPublic()) + "; t=y";
    InMemoryZone zone = new InMemoryZone().txt(KEY_NAME, record);

    DkimVerification result = verifyNow(zone, edSigner().build().sign(MESSAGE));

    assertThat(result.result()).isEqualTo(DkimResult.PASS);
    assertThat(result.testing()).isTrue();
  }

  @Test
  void aStrictKeyShouldRejectAnIdentityInASubdomain() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt(KEY_NAME, DkimKeys.publicKeyRecord(ed25519().getPublic()) + "; t=s:y");

    DkimVerification sub =
        verifyNow(zone, edSigner().identity("news@mail.example.com").build().sign(MESSAGE));
    DkimVerification same =
        verifyNow(zone, edSigner().identity("news@example.com").build().sign(MESSAGE));

    assertThat(sub.result()).isEqualTo(DkimResult.PERMERROR);
    assertThat(sub.reason()).isEqualTo("key has t=s but the i= domain is not exactly d=");
    assertThat(sub.identity()).isEqualTo("news@mail.example.com");
    assertThat(same.result()).isEqualTo(DkimResult.PASS);
  }

  @Test
  void dnsFailuresShouldBeTemporaryAndAMissingKeyPermanent() {
    String field = edSigner().build().sign(MESSAGE);

    assertThat(verifyNow(new InMemoryZone().timeout(KEY_NAME), field))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.TEMPERROR, "DNS timeout for " + KEY_NAME);
    assertThat(verifyNow(new InMemoryZone().serverFailure(KEY_NAME), field))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.TEMPERROR, "DNS failure for " + KEY_NAME + ": SERVFAIL");
    assertThat(verifyNow(new InMemoryZone(), field))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.PERMERROR, "no key record at " + KEY_NAME + " (NXDOMAIN)");
    assertThat(verifyNow(new InMemoryZone().exists(KEY_NAME), field).reason())
        .isEqualTo("no key record at " + KEY_NAME);
  }

  @Test
  void aKeyOfTheWrongTypeShouldBeAPermanentError() {
    InMemoryZone zone = zone("sel", "example.com", rsa().getPublic());

    assertThat(verifyNow(zone, edSigner().build().sign(MESSAGE)))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.PERMERROR, "key type k=rsa does not fit a=ed25519-sha256");
  }

  @Test
  void lengthLimitedSignaturesShouldVerifyAndSayHowMuchOfTheBodyIsSigned() {
    String tags =
        "v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.com; s=sel; h=from:to:subject; l=";
    byte[] body = bytes("Hello Bob,\r\n");
    long length = body.length;
    String field =
        HandSigner.sign(
            MESSAGE,
            tags + length,
            RELAXED,
            RELAXED,
            length,
            DkimAlgorithm.ED25519_SHA256,
            ed25519().getPrivate());
    InMemoryZone zone = zone("sel", "example.com", ed25519().getPublic());

    DkimVerification appended = verifyNow(zone, field);

    // RFC 6376 §8.2: content after l= octets is unsigned; the verdict says so.
    assertThat(appended.result()).isEqualTo(DkimResult.PASS);
    assertThat(appended.reason())
        .matches("signature verified; only the first 12 of \\d+ body octets are signed \\(l=\\)");

    String tooLong =
        HandSigner.sign(
            MESSAGE,
            tags + 10_000,
            RELAXED,
            RELAXED,
            10_000,
            DkimAlgorithm.ED25519_SHA256,
            ed25519().getPrivate());
    assertThat(verifyNow(zone, tooLong))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.FAIL, "body is shorter than l=");
  }

  @Test
  void rsaSha1ShouldNotBeAcceptedEvenWhenTheSignatureIsGood() {
    String field =
        HandSigner.sign(
            MESSAGE,
            "v=1; a=rsa-sha1; c=relaxed/relaxed; d=example.com; s=sel; h=from",
            RELAXED,
            RELAXED,
            Long.MAX_VALUE,
            null,
            rsa().getPrivate());

    assertThat(verifyNow(zone("sel", "example.com", rsa().getPublic()), field))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.PERMERROR, "rsa-sha1 is not accepted (RFC 8301 §3.1)");
  }

  @Test
  void aValidSignatureWithAnRsaKeyUnder1024BitsShouldBeRefusedByPolicy() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(768);
    KeyPair small = generator.generateKeyPair();
    String field =
        HandSigner.sign(
            MESSAGE,
            "v=1; a=rsa-sha256; c=relaxed/relaxed; d=example.com; s=sel; h=from",
            RELAXED,
            RELAXED,
            Long.MAX_VALUE,
            DkimAlgorithm.RSA_SHA256,
            small.getPrivate());
    InMemoryZone zone =
        new InMemoryZone()
            .txt(
                KEY_NAME,
                "v=DKIM1; p=" + Base64.getEncoder().encodeToString(small.getPublic().getEncoded()));

    DkimVerification result = verifyNow(zone, field);

    assertThat(result.result()).isEqualTo(DkimResult.POLICY);
    assertThat(result.keyBits()).isEqualTo(768);
    assertThat(result.reason()).contains("768-bit RSA key is under 1024 bits (RFC 8301 §3.2)");
  }

  @Test
  void onlyTheFirstTenSignaturesShouldBeEvaluated() {
    String field = edSigner().build().sign(MESSAGE);
    InMemoryZone zone = zone("sel", "example.com", ed25519().getPublic());

    List<DkimVerification> results =
        verifier(zone, CLOCK).verify(prepend(field.repeat(25), MESSAGE));

    assertThat(results).hasSize(10).allMatch(DkimVerification::passed);
    assertThat(zone.queries()).containsExactly("TXT " + KEY_NAME);
  }

  @Test
  void headerBShouldGrowUntilItTellsSignaturesApart() {
    String one =
        "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=a; h=from; bh=x; b=ABCDEFGHIJKL1\r\n";
    String two =
        "DKIM-Signature: v=1; a=rsa-sha256; d=example.com; s=b; h=from; bh=x; b=ABCDEFGHIJKL2\r\n";

    List<DkimVerification> results =
        verifier(new InMemoryZone(), CLOCK).verify(concat(bytes(one + two), MESSAGE));

    assertThat(results)
        .extracting(DkimVerification::headerB)
        .containsExactly("ABCDEFGHIJKL1", "ABCDEFGHIJKL2");
  }

  private static DkimSigner.Builder edSigner() {
    return DkimSigner.builder("example.com", "sel", ed25519().getPrivate()).clock(CLOCK);
  }

  private static DkimVerifier verifier(InMemoryZone zone, Clock clock) {
    return new DkimVerifier(zone, clock);
  }

  private static DkimVerification verifyNow(InMemoryZone zone, String field) {
    return verifyAt(zone, field, Duration.ZERO);
  }

  private static DkimVerification verifyAt(InMemoryZone zone, String field, Duration later) {
    Clock clock = Clock.fixed(NOW.plus(later), ZoneOffset.UTC);
    List<DkimVerification> results = verifier(zone, clock).verify(prepend(field, MESSAGE));
    assertThat(results).hasSize(1);
    return results.get(0);
  }
}
