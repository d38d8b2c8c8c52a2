package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.prepend;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * RSA key sizes: we sign with at most 4096 bits, as RFC 8301 §3.2 requires verifiers to handle no
 * more, but verify with up to 8192 bits, being liberal in what we accept.
 */
class DkimRsaKeySizeTests {

  @Test
  void signingShouldStopAt4096BitsAndVerifyingAt8192() {
    assertThat(DkimKeys.MAX_SIGNING_RSA_BITS).isEqualTo(4096);
    assertThat(DkimKeys.MAX_VERIFYING_RSA_BITS).isEqualTo(8192);
  }

  @Test
  void aKeyBetween4096And8192BitsShouldBeUsedForVerification() throws Exception {
    DkimVerification result = verifyWithKeyOf(6144);

    // The published key is not the signer's, so the check runs and fails on the signature.
    assertThat(result.keyBits()).isEqualTo(6144);
    assertThat(result.result()).isEqualTo(DkimResult.FAIL);
    assertThat(result.reason()).isEqualTo("signature did not verify");
  }

  @Test
  void aKeyOverThe8192BitLimitShouldBeAPermanentError() throws Exception {
    DkimVerification result = verifyWithKeyOf(8200);

    assertThat(result.result()).isEqualTo(DkimResult.PERMERROR);
    assertThat(result.reason()).isEqualTo("RSA key larger than 8192 bits");
  }

  /** Verifies a good signature against a published RSA key of {@code bits} that does not fit. */
  private static DkimVerification verifyWithKeyOf(int bits) throws GeneralSecurityException {
    String field =
        DkimSigner.builder("example.com", "sel", DkimFixtures.rsa().getPrivate())
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);
    // Generating a real key this large takes long; a modulus of the right size is enough here.
    BigInteger modulus = new BigInteger(bits, new Random(bits)).setBit(bits - 1).setBit(0);
    PublicKey key =
        KeyFactory.getInstance("RSA")
            .generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(65537)));
    InMemoryZone zone =
        new InMemoryZone()
            .txt(
                "sel._domainkey.example.com",
                "v=DKIM1; k=rsa; p=" + Base64.getEncoder().encodeToString(key.getEncoded()));
    List<DkimVerification> results = new DkimVerifier(zone, CLOCK).verify(prepend(field, MESSAGE));
    assertThat(results).hasSize(1);
    return results.get(0);
  }
}
