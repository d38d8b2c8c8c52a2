package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.headers.AuthenticationCheck;
import dev.hikyaku.mailauth.AuthenticationReport;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The authentication re-check of a message now, with mailauth: each method's verdict and the
 * Authentication-Results field Hikyaku would write.
 *
 * @param verdicts SPF, then each DKIM signature, then DMARC
 * @param authenticationResults the field, folded
 */
public record Recheck(List<Verdict> verdicts, String authenticationResults) {

  public Recheck {
    verdicts = List.copyOf(verdicts);
    Objects.requireNonNull(authenticationResults, "authenticationResults");
  }

  /**
   * One method's verdict now.
   *
   * @param method {@code spf}, {@code dkim} or {@code dmarc}
   * @param result the RFC name: {@code pass}, {@code fail}, {@code temperror}...
   * @param subject what was checked: the SPF domain, the DKIM {@code d=} and selector, the author
   *     domain
   * @param reason why, in words
   */
  public record Verdict(String method, String result, String subject, String reason) {}

  static Optional<Recheck> of(AuthenticationCheck.Comparison comparison) {
    return comparison.recheck().map(Recheck::of);
  }

  static Recheck of(AuthenticationReport now) {
    List<Verdict> verdicts = new ArrayList<>();
    verdicts.add(
        new Verdict("spf", now.spf().result().rfcName(), now.spf().domain(), now.spf().reason()));
    for (DkimVerification d : now.dkim()) {
      verdicts.add(
          new Verdict(
              "dkim",
              d.result().rfcName(),
              d.domain() + (d.selector().isEmpty() ? "" : " s=" + d.selector()),
              d.reason()));
    }
    verdicts.add(
        new Verdict(
            "dmarc",
            now.dmarc().result().rfcName(),
            now.dmarc().authorDomain().map(Object::toString).orElse(""),
            now.dmarc().reason()));
    return new Recheck(verdicts, now.authenticationResultsField());
  }

  /** Whether a lookup failed for now (DNS unreachable or slow): the verdicts are incomplete. */
  public boolean dnsTrouble() {
    return verdicts.stream().anyMatch(v -> v.result().equals("temperror"));
  }
}
