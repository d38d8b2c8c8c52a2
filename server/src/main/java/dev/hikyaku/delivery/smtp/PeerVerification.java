package dev.hikyaku.delivery.smtp;

import java.util.Objects;

/** Whether the server's certificate was verified for the server name during the TLS handshake. */
public sealed interface PeerVerification {

  /** The chain leads to a trusted CA and the certificate names the server (RFC 6125 §6). */
  record Verified() implements PeerVerification {}

  /**
   * The certificate was not verified.
   *
   * @param reason which check failed
   * @param detail the JDK's or our description, for logs
   */
  record Unverified(Reason reason, String detail) implements PeerVerification {
    public Unverified {
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Why a certificate was not verified. */
  enum Reason {
    /** No valid path to a trusted CA: self-signed, unknown CA, expired, revoked or malformed. */
    UNTRUSTED_CHAIN,
    /** The chain is trusted but no name in the certificate matches the server name. */
    NAME_MISMATCH
  }
}
