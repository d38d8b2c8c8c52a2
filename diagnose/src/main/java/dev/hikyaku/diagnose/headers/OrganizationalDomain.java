package dev.hikyaku.diagnose.headers;

import dev.hikyaku.diagnose.OrganizationalDomains;
import java.util.Optional;

/** The organizational domain of a Received field's host, or empty for addresses and bare names. */
final class OrganizationalDomain {

  private OrganizationalDomain() {}

  /** The organizational domain of {@code host}, lower case; empty for addresses and bare names. */
  static Optional<String> of(String host) {
    Optional<String> name = SendingHost.hostName(host);
    if (name.isEmpty() || IpText.isAddress(name.get())) {
      return Optional.empty();
    }
    int last = name.get().lastIndexOf('.');
    if (last <= 0 || last == name.get().length() - 1) {
      return Optional.empty();
    }
    return Optional.of(OrganizationalDomains.of(name.get()));
  }
}
