package dev.hikyaku.domains;

import dev.hikyaku.shared.InvalidInputException;

/**
 * A send was asked of a domain that is unknown or not verified (issue 4: verify before sending).
 */
public class DomainNotVerifiedException extends InvalidInputException {

  public DomainNotVerifiedException(String domain) {
    super(
        "domain",
        "domain-not-verified",
        "the sending domain " + domain + " is not verified; publish its DNS records and verify it",
        domain);
  }
}
