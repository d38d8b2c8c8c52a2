package dev.hikyaku.diagnose.headers;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An offline approximation of a host's organizational domain, for telling hops apart without DNS:
 * the last two labels, or three under a country's well-known second level ({@code example.co.jp},
 * {@code example.com.au}, {@code example.ac.uk}). It knows no public suffix list, so {@code
 * a.example.tokyo.jp} gives {@code tokyo.jp}; DMARC's DNS tree walk (RFC 9989 §4.10) is the
 * accurate way and needs DNS.
 */
final class OrganizationalDomain {

  /** Second-level labels that registries under country-code TLDs hand out below (JPRS, ...). */
  private static final Set<String> SECOND_LEVELS =
      Set.of(
          "ac", "ad", "co", "com", "ed", "edu", "go", "gov", "gr", "lg", "ltd", "ne", "net", "or",
          "org", "plc", "sch", "mil");

  private OrganizationalDomain() {}

  /** The organizational domain of {@code host}, lower case; empty for addresses and bare names. */
  static Optional<String> of(String host) {
    Optional<String> name = SendingHost.hostName(host);
    if (name.isEmpty() || IpText.isAddress(name.get())) {
      return Optional.empty();
    }
    String lower = name.get().toLowerCase(Locale.ROOT);
    int last = lower.lastIndexOf('.');
    if (last <= 0 || last == lower.length() - 1) {
      return Optional.empty();
    }
    int second = lower.lastIndexOf('.', last - 1);
    String secondLabel = lower.substring(second + 1, last);
    boolean countryCode = lower.length() - last - 1 == 2;
    if (countryCode && SECOND_LEVELS.contains(secondLabel) && second > 0) {
      second = lower.lastIndexOf('.', second - 1);
    }
    return Optional.of(lower.substring(second + 1));
  }
}
