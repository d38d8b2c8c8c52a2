package dev.hikyaku.domains;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One DKIM key of a sending domain, without its private half.
 *
 * @param publicKeyRecord the TXT record value to publish, {@code v=DKIM1; k=...; p=...}
 * @param retireAt for a replaced key, the end of its grace period
 */
public record DkimKey(
    long id,
    long domainId,
    String selector,
    Algorithm algorithm,
    int keyBits,
    String publicKeyRecord,
    State state,
    Instant createdAt,
    Optional<Instant> activatedAt,
    Optional<Instant> retireAt) {

  /** The signing algorithm (RFC 6376 rsa-sha256, RFC 8463 ed25519-sha256). */
  public enum Algorithm {
    RSA_SHA256("rsa"),
    ED25519_SHA256("ed25519");

    private final String keyType;

    Algorithm(String keyType) {
      this.keyType = keyType;
    }

    /** The {@code k=} value. */
    public String keyType() {
      return keyType;
    }
  }

  /**
   * Where a key is in its life: generated and waiting for its DNS record, signing, replaced but
   * still published for the grace period, or retired (private key erased, record may go).
   */
  public enum State {
    PENDING,
    ACTIVE,
    RETIRING,
    RETIRED
  }

  /** The DNS name of the key record, {@code <selector>._domainkey.<domain>}. */
  public String recordName(String domain) {
    return DkimKeys.recordName(selector, domain);
  }

  /** The record value split into TXT strings of at most 255 characters. */
  public List<String> txtStrings() {
    return DkimKeys.txtStrings(publicKeyRecord);
  }

  /** Whether the key's record must be in DNS: every state but retired. */
  public boolean published() {
    return state != State.RETIRED;
  }
}
