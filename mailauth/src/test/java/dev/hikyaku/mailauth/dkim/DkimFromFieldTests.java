package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.Canonicalization.RELAXED;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.bytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.concat;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.ed25519;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.prepend;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A From field added above a signature that does not oversign From (RFC 6376 §8.15). */
class DkimFromFieldTests {

  private static final String FORGED_FROM = "From: CEO <ceo@example.com>\r\n";

  private static String sign(byte[] message, String signedHeaders) {
    return HandSigner.sign(
        message,
        "v=1; a=ed25519-sha256; c=relaxed/relaxed; d=example.com; s=sel; h=" + signedHeaders,
        RELAXED,
        RELAXED,
        Long.MAX_VALUE,
        DkimAlgorithm.ED25519_SHA256,
        ed25519().getPrivate());
  }

  private static DkimVerification verify(byte[] message) {
    List<DkimVerification> results =
        new DkimVerifier(zone("sel", "example.com", ed25519().getPublic()), CLOCK).verify(message);
    assertThat(results).hasSize(1);
    return results.get(0);
  }

  @Test
  void aSignatureCoveringItsOnlyFromFieldShouldPass() {
    assertThat(verify(prepend(sign(MESSAGE, "from"), MESSAGE)).result()).isEqualTo(DkimResult.PASS);
  }

  @Test
  void aFromFieldPrependedAfterSigningWithHFromShouldFail() {
    String signature = sign(MESSAGE, "from");

    // The signature itself still verifies: it covers the bottom From field, which is unchanged.
    DkimVerification result = verify(concat(bytes(signature + FORGED_FROM), MESSAGE));

    assertThat(result.result()).isEqualTo(DkimResult.FAIL);
    assertThat(result.reason())
        .isEqualTo("From field added after signing (2 From fields, h= covers 1)");
  }

  @Test
  void aMessageSignedWithTwoFromFieldsAndHNamingBothShouldPass() {
    byte[] twoFroms = concat(bytes(FORGED_FROM), MESSAGE);

    assertThat(verify(prepend(sign(twoFroms, "from:from"), twoFroms)).result())
        .isEqualTo(DkimResult.PASS);
  }
}
