package dev.hikyaku.delivery.mtasts;

/** What TLS a delivery to one MX host must have under the domain's MTA-STS policy. */
public enum TlsRequirement {
  /** No policy applies: STARTTLS when offered, as the transport does by default. */
  OPPORTUNISTIC,
  /**
   * Policy in testing mode: deliver as {@link #OPPORTUNISTIC}, but record for a report when
   * STARTTLS or the certificate check fails (RFC 8461 §5).
   */
  OPPORTUNISTIC_REPORTED,
  /**
   * Policy in enforce mode: STARTTLS is required and the certificate must chain to a trusted CA and
   * name the MX host (RFC 8461 §4.2); otherwise the message is not sent to this host.
   */
  VERIFIED
}
