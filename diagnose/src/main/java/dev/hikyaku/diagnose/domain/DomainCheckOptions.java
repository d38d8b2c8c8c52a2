package dev.hikyaku.diagnose.domain;

import java.net.InetAddress;
import java.util.List;

/**
 * What to look at besides the domain's own records.
 *
 * @param dkimSelectors selectors to look for; empty means {@link #COMMON_SELECTORS}
 * @param sendingAddresses the addresses mail is sent from, checked for reverse DNS and blocklists
 *     (the MX hosts are checked too)
 * @param dnsblZones DNS blocklist zones to query, such as {@code zen.spamhaus.org}; empty skips
 */
public record DomainCheckOptions(
    List<String> dkimSelectors, List<InetAddress> sendingAddresses, List<String> dnsblZones) {

  /** Selectors that large providers and common software use. */
  public static final List<String> COMMON_SELECTORS =
      List.of(
          "default",
          "selector1",
          "selector2",
          "google",
          "k1",
          "k2",
          "s1",
          "s2",
          "dkim",
          "mail",
          "smtp",
          "mx",
          "hikyaku",
          "ed",
          "rsa");

  /** Common blocklists whose zones answer the public; some need registration at volume. */
  public static final List<String> COMMON_DNSBL_ZONES =
      List.of("zen.spamhaus.org", "bl.spamcop.net", "b.barracudacentral.org");

  public DomainCheckOptions {
    dkimSelectors = List.copyOf(dkimSelectors);
    sendingAddresses = List.copyOf(sendingAddresses);
    dnsblZones = List.copyOf(dnsblZones);
  }

  /** Common selectors, no sending addresses, no blocklists. */
  public static DomainCheckOptions defaults() {
    return new DomainCheckOptions(List.of(), List.of(), List.of());
  }

  List<String> selectors() {
    return dkimSelectors.isEmpty() ? COMMON_SELECTORS : dkimSelectors;
  }
}
