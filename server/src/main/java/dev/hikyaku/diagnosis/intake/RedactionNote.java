package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What was masked in a report, as the person chose it: never the originals, only how many distinct
 * values of each kind were replaced (ADDRESS, DOMAIN, NAME, SUBJECT, IP_ADDRESS, ...).
 *
 * @param addresses addresses and the domains seen in them were masked
 * @param names display names were masked
 * @param subject the subject was masked
 * @param ipAddresses IP addresses were mapped to documentation addresses
 * @param keptDomains domains left visible
 * @param masked the number of distinct values replaced, by kind
 */
public record RedactionNote(
    boolean addresses,
    boolean names,
    boolean subject,
    boolean ipAddresses,
    List<String> keptDomains,
    Map<String, Integer> masked) {

  public RedactionNote {
    keptDomains = List.copyOf(keptDomains);
    masked = Map.copyOf(Objects.requireNonNull(masked, "masked"));
  }

  /** Whether anything at all was to be masked. */
  public boolean any() {
    return addresses || names || subject || ipAddresses;
  }
}
