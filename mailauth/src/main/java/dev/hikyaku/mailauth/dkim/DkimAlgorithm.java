package dev.hikyaku.mailauth.dkim;

import java.util.Optional;

/**
 * The signing algorithms Hikyaku signs and verifies with. {@code rsa-sha1} is deliberately absent:
 * RFC 8301 §3.1 forbids signing with it and forbids verifiers to consider it valid.
 */
public enum DkimAlgorithm {
  /** RSASSA-PKCS1-v1_5 with SHA-256 (RFC 6376 §3.3.1). */
  RSA_SHA256("rsa-sha256", DkimKeyType.RSA),
  /** PureEdDSA Ed25519 over the SHA-256 hash of the signed data (RFC 8463 §3). */
  ED25519_SHA256("ed25519-sha256", DkimKeyType.ED25519);

  private final String rfcName;
  private final DkimKeyType keyType;

  DkimAlgorithm(String rfcName, DkimKeyType keyType) {
    this.rfcName = rfcName;
    this.keyType = keyType;
  }

  /** The name used in the {@code a=} tag. */
  public String rfcName() {
    return rfcName;
  }

  /** The key type this algorithm needs ({@code k=} of the key record). */
  public DkimKeyType keyType() {
    return keyType;
  }

  /** The algorithm named {@code name} exactly, if supported. */
  public static Optional<DkimAlgorithm> fromRfcName(String name) {
    for (DkimAlgorithm algorithm : values()) {
      if (algorithm.rfcName.equals(name)) {
        return Optional.of(algorithm);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return rfcName;
  }
}
