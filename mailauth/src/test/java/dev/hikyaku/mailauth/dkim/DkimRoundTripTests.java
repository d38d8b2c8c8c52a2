package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE_TEXT;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.bytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.keys;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.prepend;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Sign, then verify, for both algorithms and all four canonicalization pairs; then tamper. */
class DkimRoundTripTests {

  static Stream<Arguments> everyCombination() {
    List<Arguments> all = new ArrayList<>();
    for (DkimAlgorithm algorithm : DkimAlgorithm.values()) {
      for (Canonicalization header : Canonicalization.values()) {
        for (Canonicalization body : Canonicalization.values()) {
          all.add(Arguments.of(algorithm, header, body));
        }
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("everyCombination")
  void aSignedMessageShouldVerify(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body) {
    byte[] signed = sign(algorithm, header, body, MESSAGE);

    List<DkimVerification> results = verify(algorithm, signed);

    assertThat(results)
        .singleElement()
        .satisfies(r -> {
          assertThat(r.result()).isEqualTo(DkimResult.PASS);
          assertThat(r.reason()).isEqualTo("signature verified");
          assertThat(r.domain()).isEqualTo("example.com");
          assertThat(r.selector()).isEqualTo("sel");
          assertThat(r.identity()).isEqualTo("@example.com");
          assertThat(r.algorithm()).isEqualTo(algorithm.rfcName());
          assertThat(r.keyBits()).isEqualTo(algorithm == DkimAlgorithm.RSA_SHA256 ? 2048 : 256);
          assertThat(r.headerB()).hasSize(8);
          assertThat(r.testing()).isFalse();
        });
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("everyCombination")
  void aChangedBodyShouldFailTheBodyHash(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body) {
    byte[] signed = sign(algorithm, header, body, MESSAGE);
    byte[] tampered =
        bytes(
            new String(signed, java.nio.charset.StandardCharsets.UTF_8)
                .replace("attached", "deleted"));

    assertThat(verify(algorithm, tampered))
        .singleElement()
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.FAIL, "body hash did not verify");
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("everyCombination")
  void aChangedSignedHeaderShouldFailTheSignature(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body) {
    byte[] signed = sign(algorithm, header, body, MESSAGE);
    byte[] tampered =
        bytes(
            new String(signed, java.nio.charset.StandardCharsets.UTF_8)
                .replace("Quarterly", "Urgent"));

    assertThat(verify(algorithm, tampered))
        .singleElement()
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.FAIL, "signature did not verify");
  }

  @ParameterizedTest
  @EnumSource(DkimAlgorithm.class)
  void relaxedShouldSurviveRefoldingAndWhitespaceWhileSimpleShouldNot(DkimAlgorithm algorithm) {
    String rewrapped =
        MESSAGE_TEXT
            .replace("Subject:   Quarterly   report\t \r\n", "Subject: Quarterly\r\n report\r\n")
            .replace("Hello Bob,  \r\n", "Hello   Bob,\r\n");
    byte[] relaxed = sign(algorithm, Canonicalization.RELAXED, Canonicalization.RELAXED, MESSAGE);
    byte[] simple = sign(algorithm, Canonicalization.SIMPLE, Canonicalization.SIMPLE, MESSAGE);

    assertThat(verify(algorithm, reBody(relaxed, rewrapped)))
        .extracting(DkimVerification::result)
        .containsExactly(DkimResult.PASS);
    assertThat(verify(algorithm, reBody(simple, rewrapped)))
        .extracting(DkimVerification::result)
        .containsExactly(DkimResult.FAIL);
  }

  @ParameterizedTest
  @EnumSource(DkimAlgorithm.class)
  void anAddedFromShouldFailWithOrWithoutOversigning(DkimAlgorithm algorithm) {
    KeyPair keys = keys(algorithm);
    String forged = "From: Mallory <ceo@example.com>\r\n";
    String oversigned = signer(algorithm).sign(MESSAGE);
    String plain =
        DkimSigner.builder("example.com", "sel", keys.getPrivate())
            .oversignedHeaders(List.of())
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);

    assertThat(verify(algorithm, prepend(oversigned + forged, MESSAGE)))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(tuple(DkimResult.FAIL, "signature did not verify"));
    // Without oversigning the signature still verifies (RFC 6376 §8.15), so the count of From
    // fields against h= must catch the forged field above the original.
    assertThat(verify(algorithm, prepend(plain + forged, MESSAGE)))
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(
            tuple(DkimResult.FAIL, "From field added after signing (2 From fields, h= covers 1)"));
  }

  @ParameterizedTest
  @EnumSource(DkimAlgorithm.class)
  void anAddedListUnsubscribeShouldBreakTheSignatureEvenWhenItWasAbsent(DkimAlgorithm algorithm) {
    String field = signer(algorithm).sign(MESSAGE);
    String added = "List-Unsubscribe: <https://evil.example/u>\r\n";

    assertThat(field).contains("List-Unsubscribe:");
    assertThat(verify(algorithm, prepend(field + added, MESSAGE)))
        .extracting(DkimVerification::result)
        .containsExactly(DkimResult.FAIL);
  }

  @Test
  void dualRsaAndEd25519SignaturesShouldEachVerify() {
    String rsa = signer(DkimAlgorithm.RSA_SHA256).sign(MESSAGE);
    String ed =
        DkimSigner.builder("example.com", "ed", DkimFixtures.ed25519().getPrivate())
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);
    InMemoryZone zone =
        zone("sel", "example.com", DkimFixtures.rsa().getPublic())
            .txt(
                "ed._domainkey.example.com",
                DkimKeys.publicKeyRecord(DkimFixtures.ed25519().getPublic()));
    byte[] signed = prepend(ed + rsa, MESSAGE);

    List<DkimVerification> results = new DkimVerifier(zone, CLOCK).verify(signed);

    assertThat(results)
        .extracting(DkimVerification::algorithm, DkimVerification::result)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("ed25519-sha256", DkimResult.PASS),
            org.assertj.core.groups.Tuple.tuple("rsa-sha256", DkimResult.PASS));
    assertThat(results.get(0).headerB())
        .isNotEqualTo(results.get(1).headerB())
        .hasSizeGreaterThanOrEqualTo(8);
  }

  private static byte[] reBody(byte[] signed, String newMessage) {
    String text = new String(signed, java.nio.charset.StandardCharsets.UTF_8);
    return bytes(text.substring(0, text.indexOf("Received:")) + newMessage);
  }

  static DkimSigner signer(DkimAlgorithm algorithm) {
    return DkimSigner.builder("example.com", "sel", keys(algorithm).getPrivate())
        .clock(CLOCK)
        .build();
  }

  private static byte[] sign(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body, byte[] message) {
    String field =
        DkimSigner.builder("example.com", "sel", keys(algorithm).getPrivate())
            .canonicalization(header, body)
            .clock(CLOCK)
            .build()
            .sign(message);
    return prepend(field, message);
  }

  private static List<DkimVerification> verify(DkimAlgorithm algorithm, byte[] message) {
    return new DkimVerifier(zone("sel", "example.com", keys(algorithm).getPublic()), CLOCK)
        .verify(message);
  }
}
