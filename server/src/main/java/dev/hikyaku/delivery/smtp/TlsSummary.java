package dev.hikyaku.delivery.smtp;

import java.util.Objects;

/**
 * What a STARTTLS handshake established, for the delivery record.
 *
 * @param protocol e.g. {@code TLSv1.3}
 * @param cipherSuite e.g. {@code TLS_AES_256_GCM_SHA384}
 * @param verification whether the certificate was verified for the server name, and if not why
 * @param peerSubject the subject of the server's certificate (RFC 2253 form)
 */
public record TlsSummary(
    String protocol, String cipherSuite, PeerVerification verification, String peerSubject) {

  public TlsSummary {
    Objects.requireNonNull(protocol, "protocol");
    Objects.requireNonNull(cipherSuite, "cipherSuite");
    Objects.requireNonNull(verification, "verification");
    Objects.requireNonNull(peerSubject, "peerSubject");
  }

  /** Whether the certificate chains to a trusted CA and names the server. */
  public boolean peerVerified() {
    return verification instanceof PeerVerification.Verified;
  }
}
