package dev.hikyaku.identity.mfa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 6238 Appendix B test vectors, and the replay and drift rules of §5.2. */
class TotpTests {

  // RFC 6238 Appendix B: the seed is the ASCII string repeated to the hash's block size.
  private static final byte[] SHA1_SEED =
      "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA256_SEED =
      "12345678901234567890123456789012".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] SHA512_SEED =
      "1234567890123456789012345678901234567890123456789012345678901234"
          .getBytes(StandardCharsets.US_ASCII);

  @ParameterizedTest(name = "T={0} {2} -> {1}")
  @CsvSource({
    "59,          94287082, SHA1",
    "59,          46119246, SHA256",
    "59,          90693936, SHA512",
    "1111111109,  07081804, SHA1",
    "1111111109,  68084774, SHA256",
    "1111111109,  25091201, SHA512",
    "1111111111,  14050471, SHA1",
    "1111111111,  67062674, SHA256",
    "1111111111,  99943326, SHA512",
    "1234567890,  89005924, SHA1",
    "1234567890,  91819424, SHA256",
    "1234567890,  93441116, SHA512",
    "2000000000,  69279037, SHA1",
    "2000000000,  90698825, SHA256",
    "2000000000,  38618901, SHA512",
    "20000000000, 65353130, SHA1",
    "20000000000, 77737706, SHA256",
    "20000000000, 47863826, SHA512"
  })
  void shouldMatchRfc6238Vectors(long time, String expected, Totp.Algorithm algorithm) {
    byte[] seed =
        switch (algorithm) {
          case SHA1 -> SHA1_SEED;
          case SHA256 -> SHA256_SEED;
          case SHA512 -> SHA512_SEED;
        };
    assertThat(new Totp(algorithm, 8, 30).code(seed, Instant.ofEpochSecond(time)))
        .isEqualTo(expected);
  }

  @Test
  void codeShouldBeAcceptedOneStepEitherSideButNotTwo() {
    Totp totp = Totp.standard();
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    String previous = totp.code(SHA1_SEED, now.minusSeconds(30));
    String twoBack = totp.code(SHA1_SEED, now.minusSeconds(60));
    assertThat(totp.verify(SHA1_SEED, previous, now, 1, Long.MIN_VALUE)).isPresent();
    assertThat(totp.verify(SHA1_SEED, twoBack, now, 1, Long.MIN_VALUE)).isEmpty();
  }

  @Test
  void codeShouldNotBeAcceptedTwice() {
    Totp totp = Totp.standard();
    Instant now = Instant.ofEpochSecond(1_700_000_000L);
    String code = totp.code(SHA1_SEED, now);
    long step = totp.verify(SHA1_SEED, code, now, 1, Long.MIN_VALUE).orElseThrow();
    assertThat(totp.verify(SHA1_SEED, code, now, 1, step)).isEmpty();
  }

  @Test
  void malformedCodesShouldBeRejected() {
    Totp totp = Totp.standard();
    Instant now = Instant.ofEpochSecond(59);
    for (String bad : new String[] {null, "", "12345", "1234567", "12a456", "２８７０８２"}) {
      assertThat(totp.verify(SHA1_SEED, bad, now, 1, Long.MIN_VALUE)).as(bad).isEmpty();
    }
  }
}
