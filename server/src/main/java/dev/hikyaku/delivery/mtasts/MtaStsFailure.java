package dev.hikyaku.delivery.mtasts;

/**
 * Why no live policy could be had for a domain, each with the RFC 8460 (TLSRPT) result type a
 * report would give it.
 */
public enum MtaStsFailure {
  /** The {@code _mta-sts} TXT lookup failed for now (SERVFAIL, timeout). */
  DNS_FAILURE(TlsFailureType.STS_POLICY_FETCH_ERROR),
  /** {@code mta-sts.<domain>} has no address. */
  NO_ADDRESS(TlsFailureType.STS_POLICY_FETCH_ERROR),
  /** No TCP connection could be opened, or it broke. */
  CONNECTION(TlsFailureType.STS_POLICY_FETCH_ERROR),
  /** The TLS handshake failed: the certificate is not trusted or does not name the host. */
  CERTIFICATE(TlsFailureType.STS_WEBPKI_INVALID),
  /** The server answered a redirect, which RFC 8461 §3.3 forbids following. */
  REDIRECT(TlsFailureType.STS_POLICY_FETCH_ERROR),
  /** The server answered a status other than 200. */
  HTTP_STATUS(TlsFailureType.STS_POLICY_FETCH_ERROR),
  /** The media type is not {@code text/plain} (RFC 8461 §3.2). */
  CONTENT_TYPE(TlsFailureType.STS_POLICY_INVALID),
  /** The body exceeds 64 KiB (RFC 8461 §3.3). */
  BODY_TOO_LARGE(TlsFailureType.STS_POLICY_INVALID),
  /** The fetch did not finish within its time limit. */
  TIMEOUT(TlsFailureType.STS_POLICY_FETCH_ERROR),
  /** The answer is not valid HTTP/1.x. */
  MALFORMED_RESPONSE(TlsFailureType.STS_POLICY_FETCH_ERROR),
  /** The body is not a valid policy (RFC 8461 §3.2). */
  INVALID_POLICY(TlsFailureType.STS_POLICY_INVALID);

  private final TlsFailureType reportType;

  MtaStsFailure(TlsFailureType reportType) {
    this.reportType = reportType;
  }

  /** The result type of RFC 8460 §4.3.2 a report gives this failure. */
  public TlsFailureType reportType() {
    return reportType;
  }
}
