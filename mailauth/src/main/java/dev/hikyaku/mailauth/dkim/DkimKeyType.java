package dev.hikyaku.mailauth.dkim;

import java.util.Optional;

/** The key types of the key record's {@code k=} tag (RFC 6376 §3.6.1, RFC 8463 §4). */
public enum DkimKeyType {
  /** RSA; {@code p=} is a DER SubjectPublicKeyInfo. */
  RSA("rsa"),
  /** Ed25519; {@code p=} is the raw 32-byte public key (RFC 8463 §4). */
  ED25519("ed25519");

  private final String rfcName;

  DkimKeyType(String rfcName) {
    this.rfcName = rfcName;
  }

  /** The name used in {@code k=}. */
  public String rfcName() {
    return rfcName;
  }

  /** The key type named {@code name} exactly, if known. */
  public static Optional<DkimKeyType> fromRfcName(String name) {
    for (DkimKeyType type : values()) {
      if (type.rfcName.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  @Override
  public String toString() {
    return rfcName;
  }
}
