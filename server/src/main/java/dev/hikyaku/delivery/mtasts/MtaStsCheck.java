package dev.hikyaku.delivery.mtasts;

import dev.hikyaku.delivery.smtp.PeerVerification;
import dev.hikyaku.delivery.smtp.TlsSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Applies an MTA-STS policy to a domain's MX hosts (RFC 8461 §4, §5): before delivery, which hosts
 * may be used and with which TLS; after a session, whether its TLS satisfied the policy.
 */
public final class MtaStsCheck {

  private MtaStsCheck() {}

  /** Whether {@code mxHost} matches one of the policy's {@code mx} patterns (RFC 8461 §4.1). */
  public static boolean matches(MtaStsPolicy policy, String mxHost) {
    return policy.allows(mxHost);
  }

  /**
   * The plan for delivering to {@code destinations} (in MX preference order) under {@code result}.
   * With no policy, a failed fetch or mode none, every destination is allowed opportunistically; in
   * testing mode too, but mismatches are reported and sessions are to be checked; in enforce mode
   * only matching hosts are allowed, each with a verified certificate (RFC 8461 §5).
   *
   * @param hostOf the MX host name of a destination
   */
  public static <D> MxPlan<D> plan(
      MtaStsResult result, List<D> destinations, Function<? super D, String> hostOf) {
    return switch (result) {
      case MtaStsResult.NoPolicy none ->
          everyone(MtaStsMode.NONE, destinations, hostOf, TlsRequirement.OPPORTUNISTIC, List.of());
      // RFC 8461 §3.3: no policy could be fetched and none is cached: deliver as without one.
      case MtaStsResult.TemporaryFailure failure ->
          everyone(
              MtaStsMode.NONE,
              destinations,
              hostOf,
              TlsRequirement.OPPORTUNISTIC,
              List.of(
                  new TlsFailure(
                      failure.cause().reportType(), Optional.empty(), failure.reason())));
      case MtaStsResult.Policy policy -> apply(policy.policy(), destinations, hostOf);
    };
  }

  /**
   * What a finished TLS negotiation with {@code mxHost} failed to meet, for a report and to decide
   * on an enforce-mode host: nothing under {@code OPPORTUNISTIC}; otherwise no STARTTLS or a
   * certificate that was not verified for the host (RFC 8461 §4.2).
   *
   * @param tls what STARTTLS established, empty if the session ran without TLS
   */
  public static Optional<TlsFailure> sessionFailure(
      TlsRequirement requirement, String mxHost, Optional<TlsSummary> tls) {
    if (requirement == TlsRequirement.OPPORTUNISTIC) {
      return Optional.empty();
    }
    if (tls.isEmpty()) {
      return Optional.of(
          new TlsFailure(
              TlsFailureType.STARTTLS_NOT_SUPPORTED,
              Optional.of(mxHost),
              mxHost + " did not negotiate STARTTLS"));
    }
    return switch (tls.get().verification()) {
      case PeerVerification.Verified verified -> Optional.empty();
      case PeerVerification.Unverified unverified ->
          Optional.of(
              new TlsFailure(
                  switch (unverified.reason()) {
                    case UNTRUSTED_CHAIN -> TlsFailureType.CERTIFICATE_NOT_TRUSTED;
                    case NAME_MISMATCH -> TlsFailureType.CERTIFICATE_HOST_MISMATCH;
                  },
                  Optional.of(mxHost),
                  mxHost + ": " + unverified.detail()));
    };
  }

  private static <D> MxPlan<D> apply(
      MtaStsPolicy policy, List<D> destinations, Function<? super D, String> hostOf) {
    if (policy.mode() == MtaStsMode.NONE) {
      return everyone(
          MtaStsMode.NONE, destinations, hostOf, TlsRequirement.OPPORTUNISTIC, List.of());
    }
    boolean enforce = policy.mode() == MtaStsMode.ENFORCE;
    List<MxPlan.Allowed<D>> allowed = new ArrayList<>();
    List<D> refused = new ArrayList<>();
    List<TlsFailure> failures = new ArrayList<>();
    List<String> reported = new ArrayList<>();
    for (D destination : destinations) {
      String host = hostOf.apply(destination);
      boolean matches = policy.allows(host);
      if (!matches && !reported.contains(host)) {
        reported.add(host);
        failures.add(
            new TlsFailure(
                TlsFailureType.VALIDATION_FAILURE,
                Optional.of(host),
                host + " matches no mx pattern of the policy " + policy.mx()));
      }
      if (!enforce) {
        allowed.add(new MxPlan.Allowed<>(destination, host, TlsRequirement.OPPORTUNISTIC_REPORTED));
      } else if (matches) {
        allowed.add(new MxPlan.Allowed<>(destination, host, TlsRequirement.VERIFIED));
      } else {
        refused.add(destination); // RFC 8461 §4.1: a non-matching MX is not used
      }
    }
    return new MxPlan<>(policy.mode(), allowed, refused, failures);
  }

  private static <D> MxPlan<D> everyone(
      MtaStsMode mode,
      List<D> destinations,
      Function<? super D, String> hostOf,
      TlsRequirement tls,
      List<TlsFailure> failures) {
    List<MxPlan.Allowed<D>> allowed =
        destinations.stream().map(d -> new MxPlan.Allowed<>(d, hostOf.apply(d), tls)).toList();
    return new MxPlan<>(mode, allowed, List.of(), failures);
  }
}
