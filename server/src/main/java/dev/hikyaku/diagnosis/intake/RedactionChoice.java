package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.redaction.RedactionOptions;
import java.util.List;
import java.util.Set;

/**
 * What the person chose to mask in the report. By default addresses, names and the subject are
 * masked and IP addresses left, as {@link RedactionOptions#defaults()} does: exports are the
 * redacted form unless the person unticks.
 */
public record RedactionChoice(
    boolean addresses,
    boolean names,
    boolean subject,
    boolean ipAddresses,
    List<String> keptDomains) {

  /** At most this many kept domains. */
  static final int MAX_KEPT = 20;

  public RedactionChoice {
    keptDomains =
        keptDomains == null
            ? List.of()
            : keptDomains.stream()
                .map(String::strip)
                .filter(d -> !d.isEmpty())
                .distinct()
                .limit(MAX_KEPT)
                .toList();
  }

  /** The defaults: addresses, names and subject masked. */
  public static RedactionChoice defaults() {
    return new RedactionChoice(true, true, true, false, List.of());
  }

  /** Whether anything is to be masked. */
  boolean any() {
    return addresses || names || subject || ipAddresses;
  }

  RedactionOptions options() {
    return new RedactionOptions(
        addresses, names, subject, Set.of(), Set.copyOf(keptDomains), ipAddresses);
  }
}
