package dev.hikyaku.delivery.mtasts;

import java.util.List;
import java.util.Objects;

/**
 * Which of a domain's MX destinations may be used under its MTA-STS policy, with which TLS, and
 * what to report.
 *
 * @param mode the mode that applied; {@code NONE} also when there was no policy
 * @param allowed the destinations to try, in the order given, each with its TLS requirement
 * @param refused the destinations an enforce policy excludes, in the order given
 * @param failures what to record for a TLS report: policy fetch failures, MX mismatches
 * @param <D> the caller's destination type
 */
public record MxPlan<D>(
    MtaStsMode mode, List<Allowed<D>> allowed, List<D> refused, List<TlsFailure> failures) {

  public MxPlan {
    Objects.requireNonNull(mode, "mode");
    allowed = List.copyOf(allowed);
    refused = List.copyOf(refused);
    failures = List.copyOf(failures);
  }

  /**
   * One destination that may be used.
   *
   * @param destination the caller's destination
   * @param host the MX host name the certificate must name when {@code tls} is {@code VERIFIED}
   * @param tls what the connection must have
   */
  public record Allowed<D>(D destination, String host, TlsRequirement tls) {
    public Allowed {
      Objects.requireNonNull(destination, "destination");
      Objects.requireNonNull(host, "host");
      Objects.requireNonNull(tls, "tls");
    }
  }

  /**
   * Whether no destination may be used: the message must wait, and must not bounce before the
   * policy has been checked again for a new {@code id} (RFC 8461 §5.1 step 3).
   */
  public boolean noneAllowed() {
    return allowed.isEmpty();
  }
}
