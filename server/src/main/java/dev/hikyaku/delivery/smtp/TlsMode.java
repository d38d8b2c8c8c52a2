package dev.hikyaku.delivery.smtp;

/** Whether a session uses STARTTLS (RFC 3207) and what it demands of it. */
public enum TlsMode {
  /** Never STARTTLS; only for tests and explicitly trusted local relays. */
  NONE,
  /**
   * STARTTLS when offered; the certificate is checked and the verdict recorded, but an unverified
   * certificate does not stop delivery; no STARTTLS offered means plain text (RFC 7435
   * opportunistic security, as for delivery to MX hosts without MTA-STS or DANE).
   */
  OPPORTUNISTIC,
  /**
   * STARTTLS with a certificate that chains to a trusted CA and names the server; anything less is
   * a typed failure before any envelope data is sent, never a fall-back to plain text.
   */
  REQUIRED
}
