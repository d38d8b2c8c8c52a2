package dev.hikyaku.mailauth.dkim;

import java.util.Objects;

/**
 * The verdict on one DKIM-Signature field, with what Authentication-Results (RFC 8601 §2.7.1) and
 * DMARC need. Text components are empty, never null, when the signature did not say.
 *
 * @param result the result, with its RFC 8601 name
 * @param reason why, in a few words ({@code "signature verified"} for a pass)
 * @param domain {@code d=} (the SDID), lower case
 * @param selector {@code s=}
 * @param identity {@code i=} (the AUID), {@code "@" + d} when the tag is absent
 * @param algorithm {@code a=} as written
 * @param keyBits the public key's size (RSA modulus bits, 256 for Ed25519); 0 when not fetched
 * @param headerB the start of {@code b=} for {@code header.b} (RFC 6008 §4): at least 8 characters,
 *     more when needed to tell this signature from the message's others, but never more than 64
 * @param testing the key record says {@code t=y}: the domain is testing DKIM, and RFC 6376 §3.6.1
 *     says to treat the message no differently from unsigned mail whatever the result
 */
public record DkimVerification(
    DkimResult result,
    String reason,
    String domain,
    String selector,
    String identity,
    String algorithm,
    int keyBits,
    String headerB,
    boolean testing) {

  public DkimVerification {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(selector, "selector");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(headerB, "headerB");
    if (keyBits < 0) {
      throw new IllegalArgumentException("negative key size");
    }
  }

  /** Whether the signature verified. */
  public boolean passed() {
    return result == DkimResult.PASS;
  }

  /** This verification with {@code headerB} replaced. */
  DkimVerification withHeaderB(String b) {
    return new DkimVerification(
        result, reason, domain, selector, identity, algorithm, keyBits, b, testing);
  }
}
