package dev.hikyaku.delivery.mtasts;

import java.util.Locale;

/** The result types of RFC 8460 §4.3 (SMTP TLS Reporting) that MTA-STS delivery can produce. */
public enum TlsFailureType {
  /** The MX host did not offer STARTTLS (§4.3.1). */
  STARTTLS_NOT_SUPPORTED,
  /** The certificate does not name the MX host (§4.3.1). */
  CERTIFICATE_HOST_MISMATCH,
  /** The certificate does not chain to a trusted CA, or has expired (§4.3.1). */
  CERTIFICATE_NOT_TRUSTED,
  /** Another validation failure, here: the MX host matches no {@code mx} pattern (§4.3.3). */
  VALIDATION_FAILURE,
  /** The policy could not be fetched (§4.3.2.2). */
  STS_POLICY_FETCH_ERROR,
  /** The policy was fetched but is not valid (§4.3.2.2). */
  STS_POLICY_INVALID,
  /** The policy host's certificate is not valid for it (§4.3.2.2). */
  STS_WEBPKI_INVALID;

  /** The name a report uses, e.g. {@code certificate-host-mismatch}. */
  public String resultType() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
