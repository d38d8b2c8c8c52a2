package dev.hikyaku.domains;

import dev.hikyaku.mailauth.dmarc.DmarcPolicy;
import dev.hikyaku.mailauth.dmarc.DmarcRecord;
import java.util.Optional;

/**
 * The path from monitoring to enforcement: {@code p=none} with aggregate reports, then {@code
 * p=quarantine} in test mode ({@code t=y}, RFC 9989 §4.7: receivers apply one level less), then
 * {@code p=quarantine}, then {@code p=reject}. Move on once the reports show only your own sources
 * passing, for a few weeks at each step.
 */
final class DmarcStages {

  private DmarcStages() {}

  static String first(String reportAddress) {
    return "v=DMARC1; p=none; rua=mailto:" + reportAddress;
  }

  /** The next step after the published record, or empty at {@code p=reject}. */
  static Optional<String> next(DmarcRecord published, String reportAddress) {
    String rua = "; rua=mailto:" + reportAddress;
    return switch (published.policy()) {
      case NONE -> Optional.of("v=DMARC1; p=quarantine; t=y" + rua);
      case QUARANTINE ->
          Optional.of(
              published.testing() ? "v=DMARC1; p=quarantine" + rua : "v=DMARC1; p=reject" + rua);
      case REJECT -> Optional.empty();
    };
  }

  static String describe(DmarcPolicy policy, boolean testing) {
    return "p=" + policy.name().toLowerCase(java.util.Locale.ROOT) + (testing ? " (t=y)" : "");
  }
}
