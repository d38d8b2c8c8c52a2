package dev.hikyaku.domains;

import java.util.List;

/**
 * The result of verifying a domain's DNS records.
 *
 * @param domain the domain after the verification (its status updated)
 * @param checks one per expected record, in the order of the plan
 * @param activatedSelectors DKIM selectors that this verification put into use
 */
public record Verification(
    SendingDomain domain, List<RecordCheck> checks, List<String> activatedSelectors) {

  public Verification {
    checks = List.copyOf(checks);
    activatedSelectors = List.copyOf(activatedSelectors);
  }
}
