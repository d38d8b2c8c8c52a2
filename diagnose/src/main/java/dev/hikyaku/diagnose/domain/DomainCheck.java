package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a sending domain's DNS as receivers see it: MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT,
 * reverse DNS and blocklists of the MX hosts and sending addresses, and the bulk-sender rules. All
 * lookups go through the given resolver; nothing else is contacted. Never throws for DNS.
 */
public final class DomainCheck {

  private final DnsResolver dns;
  private final TlsProbeSettings tls;

  /** A check that only asks DNS. */
  public DomainCheck(DnsResolver dns) {
    this(dns, TlsProbeSettings.off());
  }

  /** A check that also probes STARTTLS on the MX hosts as {@code tls} says. */
  public DomainCheck(DnsResolver dns, TlsProbeSettings tls) {
    this.dns = Objects.requireNonNull(dns, "dns");
    this.tls = Objects.requireNonNull(tls, "tls");
  }

  /** Checks {@code domain}. */
  public DomainReport check(String domain, DomainCheckOptions options) {
    String name = domain.strip().toLowerCase(Locale.ROOT);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    List<CheckItem> items = new ArrayList<>();
    MxCheck.Result mx = MxCheck.run(dns, name);
    items.addAll(mx.items());
    items.addAll(SpfPolicyCheck.run(dns, name));
    items.addAll(DkimKeyCheck.run(dns, name, options.selectors()));
    items.addAll(DmarcPolicyCheck.run(dns, name));
    items.addAll(TransportPolicyCheck.run(dns, name));
    if (tls.enabled()) {
      items.addAll(TlsCheck.run(mx.hosts(), tls));
    }
    Set<InetAddress> addresses = new LinkedHashSet<>(options.sendingAddresses());
    mx.hosts().values().forEach(addresses::addAll);
    items.addAll(ReverseDnsCheck.run(dns, List.copyOf(addresses)));
    if (!options.dnsblZones().isEmpty()) {
      items.addAll(DnsblCheck.run(dns, List.copyOf(addresses), options.dnsblZones()));
    }
    items.addAll(BulkSenderCheck.run(items, !options.sendingAddresses().isEmpty()));
    return new DomainReport(name, items);
  }
}
