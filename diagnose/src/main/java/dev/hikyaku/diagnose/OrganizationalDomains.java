package dev.hikyaku.diagnose;

import java.util.Locale;
import java.util.Set;

/**
 * An offline approximation of a name's organizational domain, for telling hops and parties apart
 * without DNS: the last two labels, or three under a country's well-known second level ({@code
 * example.co.jp}, {@code example.com.au}, {@code example.ac.uk}). It knows no public suffix list,
 * so {@code a.example.tokyo.jp} gives {@code tokyo.jp}; DMARC's DNS tree walk (RFC 9989 §4.10) is
 * the accurate way and needs DNS.
 */
public final class OrganizationalDomains {

  /** Second-level labels that registries under country-code TLDs hand out below (JPRS, ...). */
  private static final Set<String> SECOND_LEVELS =
      Set.of(
          "ac", "ad", "co", "com", "ed", "edu", "go", "gov", "gr", "lg", "ltd", "ne", "net", "or",
          "org", "plc", "sch", "mil");

  private OrganizationalDomains() {}

  /** The organizational domain of the host name {@code name}, lower case; a bare name stays. */
  public static String of(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int last = lower.lastIndexOf('.');
    if (last <= 0 || last == lower.length() - 1) {
      return lower;
    }
    int second = lower.lastIndexOf('.', last - 1);
    String secondLabel = lower.substring(second + 1, last);
    boolean countryCode = lower.length() - last - 1 == 2;
    if (countryCode && SECOND_LEVELS.contains(secondLabel) && second > 0) {
      second = lower.lastIndexOf('.', second - 1);
    }
    return lower.substring(second + 1);
  }
}
