package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.domain.DomainCheckOptions;
import dev.hikyaku.mailauth.dns.IpLiterals;
import dev.hikyaku.shared.DomainName;
import dev.hikyaku.shared.InvalidInputException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A domain check as a person asks for it: the domain, and optionally DKIM selectors, the addresses
 * mail is sent from, DNS blocklist zones ({@code common} for a usual set) and the STARTTLS probe.
 *
 * @param domain the domain to check
 * @param selectors DKIM selectors to look for; none means a list of common ones
 * @param sendingAddresses IPv4 or IPv6 addresses mail is sent from
 * @param dnsblZones blocklist zones to query; {@code common} stands for Spamhaus ZEN, SpamCop and
 *     Barracuda; none skips the blocklist check
 * @param starttls whether to connect to the MX hosts to try STARTTLS
 */
public record DomainCheckRequest(
    String domain,
    List<String> selectors,
    List<String> sendingAddresses,
    List<String> dnsblZones,
    boolean starttls) {

  private static final int MAX_ITEMS = 20;
  // RFC 6376 §3.1: a selector is one or more DNS labels.
  private static final Pattern SELECTOR =
      Pattern.compile(
          "[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?(?:\\.[A-Za-z0-9_-]{1,63})*");

  public DomainCheckRequest {
    domain = new DomainName(domain).value();
    selectors = limited(FormValues.split(selectors), "selectors");
    for (String s : selectors) {
      if (s.length() > 200 || !SELECTOR.matcher(s).matches()) {
        throw new InvalidInputException(
            "selectors", "diagnosis.selector", "not a DKIM selector: " + s, s);
      }
    }
    sendingAddresses = limited(FormValues.split(sendingAddresses), "sendingAddresses");
    for (String ip : sendingAddresses) {
      if (IpLiterals.tryParse(ip).isEmpty()) {
        throw new InvalidInputException(
            "sendingAddresses", "diagnosis.ip", "not an IP address: " + ip, ip);
      }
    }
    List<String> zones = new ArrayList<>();
    for (String zone : limited(FormValues.split(dnsblZones), "dnsblZones")) {
      if (zone.equalsIgnoreCase("common")) {
        zones.addAll(DomainCheckOptions.COMMON_DNSBL_ZONES);
      } else {
        try {
          zones.add(new DomainName(zone).value());
        } catch (InvalidInputException e) {
          throw new InvalidInputException(
              "dnsblZones", "diagnosis.dnsbl-zone", "not a DNS zone: " + zone, zone);
        }
      }
    }
    dnsblZones = zones.stream().distinct().toList();
  }

  /** The library's options for this request. */
  DomainCheckOptions options() {
    List<InetAddress> addresses =
        sendingAddresses.stream().map(ip -> IpLiterals.tryParse(ip).orElseThrow()).toList();
    return new DomainCheckOptions(
        selectors.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList(), addresses, dnsblZones);
  }

  private static List<String> limited(List<String> items, String field) {
    if (items.size() > MAX_ITEMS) {
      throw new InvalidInputException(
          field, "diagnosis.too-many", "at most " + MAX_ITEMS + " " + field, MAX_ITEMS);
    }
    return List.copyOf(items);
  }
}
