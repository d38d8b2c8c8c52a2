package dev.hikyaku.delivery.mtasts;

import java.util.Objects;
import java.util.Optional;

/**
 * One failure to record for a TLS report (RFC 8460 §4.3): what went wrong, at which MX host (none
 * for a failure to get the policy itself), and a sentence for people.
 *
 * @param type the RFC 8460 result type
 * @param mxHost the MX host concerned, if any
 * @param detail what happened
 */
public record TlsFailure(TlsFailureType type, Optional<String> mxHost, String detail) {

  public TlsFailure {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(mxHost, "mxHost");
    Objects.requireNonNull(detail, "detail");
  }
}
