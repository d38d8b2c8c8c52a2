package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.conformanceBytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.conformanceText;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.prepend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The RFC 6376 and RFC 8463 vectors and dkimpy's key records, read from the shared conformance
 * directory ({@code hikyaku.shared.dir}/conformance/dkim, from dkimpy's test data).
 */
class DkimConformanceVectorsTests {

  /** RFC 8463 Appendix A.2: the Ed25519 key record for selector brisbane. */
  private static final String RFC8463_ED25519_RECORD =
      "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=";

  /** Gmail's 2012 key, as dkimpy's test_dkim.py publishes it for test2.message. */
  private static final String GMAIL_2012_RECORD =
      "k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA1Kd87/UeJjenpabgbFwh"
          + "+eBCsSTrqmwIYYvywlbhbqoo2DymndFkbjOVIPIldNs/m40KF+yzMn1skyoxcTUGCQ"
          + "s8g3FgD2Ap3ZB5DekAo5wMmk4wimDO+U8QzI3SD07y2+07wlNWwIt8svnxgdxGkVbb"
          + "hzY8i+RQ9DpSVpPbF7ykQxtKXkv/ahW3KjViiAH+ghvvIhkx4xYSIc9oSwVmAl5Oct"
          + "MEeWUwg8Istjqz8BZeTWbf41fbNhte7Y+YqZOwq1Sd0DbvYAD9NOZK9vlfuac0598H"
          + "Y+vtSBczUiKERHv1yRbcaQtZFh5wtiRrN04BLUTD21MycBX5jYchHjPY/wIDAQAB";

  @Test
  void theRfc8463ExampleShouldVerifyBothItsEd25519AndItsRsaSignature() {
    InMemoryZone zone =
        new InMemoryZone()
            .txt("brisbane._domainkey.football.example.com", RFC8463_ED25519_RECORD)
            .txt("test._domainkey.football.example.com", conformanceText("test.txt"));

    List<DkimVerification> results =
        new DkimVerifier(zone, CLOCK).verify(conformanceBytes("rfc6376.signed.msg"));

    assertThat(results)
        .extracting(DkimVerification::result)
        .containsExactly(DkimResult.PASS, DkimResult.PASS);
    assertThat(results.get(0).algorithm()).isEqualTo("ed25519-sha256");
    assertThat(results.get(0).keyBits()).isEqualTo(256);
    assertThat(results.get(0).headerB()).isEqualTo("9/dsDChY");
    assertThat(results.get(1).algorithm()).isEqualTo("rsa-sha256");
    assertThat(results.get(1).keyBits()).isEqualTo(1024);
    assertThat(results.get(1).identity()).isEqualTo("@football.example.com");
  }

  @Test
  void signingTheRfc8463ExampleShouldReproduceItsSignatureByteForByte() throws IOException {
    // Ed25519 is deterministic: the RFC 8032 §7.1 key over the same data gives the same b=.
    PrivateKey key =
        DkimKeys.ed25519FromSeed(Base64.getDecoder().decode(conformanceText("rfc8032_7_1.key")));
    byte[] message = conformanceBytes("rfc6376.signed.msg");
    MessageHeaders headers =
        ((MessageHeaders.Read.Complete)
                MessageHeaders.read(new MessageInput(new ByteArrayInputStream(message)), 1 << 20))
            .headers();
    HeaderField field = headers.named("DKIM-Signature").get(0);
    DkimSignature signature =
        ((ParseResult.Valid<DkimSignature>) DkimSignature.parse(field.rawValue())).value();

    byte[] data =
        SignedData.build(
            headers,
            signature.signedHeaders(),
            signature.headerCanonicalization(),
            SignedData.withoutSignatureValue(field));

    assertThat(DkimCrypto.sign(DkimAlgorithm.ED25519_SHA256, key, data))
        .isEqualTo(signature.signature());
  }

  @Test
  void theRfc8032KeyShouldSignMessagesThatVerifyAgainstTheRfc8463Record() {
    PrivateKey key =
        DkimKeys.ed25519FromSeed(Base64.getDecoder().decode(conformanceText("rfc8032_7_1.key")));
    byte[] message = conformanceBytes("rfc6376.msg");
    String field =
        DkimSigner.builder("football.example.com", "brisbane", key)
            .clock(CLOCK)
            .build()
            .sign(message);
    InMemoryZone zone =
        new InMemoryZone().txt("brisbane._domainkey.football.example.com", RFC8463_ED25519_RECORD);

    assertThat(new DkimVerifier(zone, CLOCK).verify(prepend(field, message)))
        .singleElement()
        .extracting(DkimVerification::result)
        .isEqualTo(DkimResult.PASS);
  }

  @Test
  void eximsEd25519SignatureShouldVerify() {
    InMemoryZone zone =
        new InMemoryZone().txt("sed._domainkey.test.ex", conformanceText("eximtest.dns"));

    assertThat(new DkimVerifier(zone, CLOCK).verify(conformanceBytes("ed25519test2.msg")))
        .singleElement()
        .satisfies(r -> assertThat(r.result()).isEqualTo(DkimResult.PASS))
        .satisfies(r -> assertThat(r.domain()).isEqualTo("test.ex"));
  }

  @Test
  void gmailsSignatureWithDegenerateFoldingShouldVerify() {
    InMemoryZone zone = new InMemoryZone().txt("20120113._domainkey.gmail.com", GMAIL_2012_RECORD);

    assertThat(new DkimVerifier(zone, CLOCK).verify(conformanceBytes("test2.message")))
        .singleElement()
        .extracting(DkimVerification::result, DkimVerification::keyBits)
        .containsExactly(DkimResult.PASS, 2048);
  }

  @Test
  void dkimpysEd25519KeyShouldSignAndVerify() {
    PrivateKey key =
        DkimKeys.ed25519FromSeed(Base64.getDecoder().decode(conformanceText("ed25519test.key")));
    byte[] message = conformanceBytes("ed25519test.msg");
    String field =
        DkimSigner.builder("example.com", "test", key).clock(CLOCK).build().sign(message);
    InMemoryZone zone =
        new InMemoryZone().txt("test._domainkey.example.com", conformanceText("ed25519test.dns"));

    assertThat(new DkimVerifier(zone, CLOCK).verify(prepend(field, message)))
        .singleElement()
        .extracting(DkimVerification::result)
        .isEqualTo(DkimResult.PASS);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource({
    "test.txt, pass, signature verified",
    "test2.txt, pass, signature verified",
    "badk.txt, permerror, key record: unknown key type k=ed25519-sha256",
    "badversion.txt, permerror, 'key record: v= must be first and DKIM1, not DKIM1: g=*'",
    "test_bad.txt, permerror, key record: p= is not a valid rsa public key",
    "test_tlsrpt.txt, permerror, key record: s= does not include email",
  })
  void dkimpysKeyRecordsShouldGiveTheRightResult(String record, String result, String reason) {
    List<DkimVerification> results = verifyTestMessageWithRecord(record);

    assertThat(results)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.result().rfcName()).isEqualTo(result);
          assertThat(r.reason()).isEqualTo(reason);
        });
  }

  @Test
  void extraUnsignedHeadersAboveFromShouldNotBreakTheSignature() {
    String field = testSigner().sign(conformanceBytes("test.message"));
    InMemoryZone zone =
        new InMemoryZone().txt("test._domainkey.example.com", conformanceText("test.txt"));

    assertThat(
            new DkimVerifier(zone, CLOCK)
                .verify(prepend(field, conformanceBytes("test_extra.message"))))
        .singleElement()
        .extracting(DkimVerification::result)
        .isEqualTo(DkimResult.PASS);
  }

  @Test
  void aMessageWithoutFromShouldNotBeSignedAndShouldNotVerify() {
    assertThatThrownBy(() -> testSigner().sign(conformanceBytes("test_nofrom.message")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no From field");
    String field = testSigner().sign(conformanceBytes("test.message"));
    InMemoryZone zone =
        new InMemoryZone().txt("test._domainkey.example.com", conformanceText("test.txt"));

    assertThat(
            new DkimVerifier(zone, CLOCK)
                .verify(prepend(field, conformanceBytes("test_nofrom.message"))))
        .singleElement()
        .satisfies(r -> assertThat(r.result()).isEqualTo(DkimResult.PERMERROR))
        .satisfies(r -> assertThat(r.reason()).contains("no From field"));
  }

  @Test
  void aRealMailboxMessageShouldVerifyOursAndReportTheOldSignatureWithoutAKey() {
    byte[] message = conformanceBytes("message.mbox");
    String field = testSigner().sign(message);
    InMemoryZone zone =
        new InMemoryZone().txt("test._domainkey.example.com", conformanceText("test.txt"));

    List<DkimVerification> results = new DkimVerifier(zone, CLOCK).verify(prepend(field, message));

    assertThat(results)
        .extracting(DkimVerification::domain, DkimVerification::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("example.com", DkimResult.PASS),
            org.assertj.core.groups.Tuple.tuple("kitterman.com", DkimResult.PERMERROR));
    assertThat(results.get(1).reason())
        .startsWith("no key record at 2007-00._domainkey.kitterman.com");
  }

  private static List<DkimVerification> verifyTestMessageWithRecord(String record) {
    byte[] message = conformanceBytes("test.message");
    String field = testSigner().sign(message);
    InMemoryZone zone =
        new InMemoryZone().txt("test._domainkey.example.com", conformanceText(record));
    return new DkimVerifier(zone, CLOCK).verify(prepend(field, message));
  }

  /** dkimpy's 1024-bit test key, a PKCS#1 PEM file. */
  private static DkimSigner testSigner() {
    PrivateKey key = DkimKeys.readPrivateKey(conformanceText("test.private"));
    return DkimSigner.builder("example.com", "test", key).clock(CLOCK).build();
  }
}
