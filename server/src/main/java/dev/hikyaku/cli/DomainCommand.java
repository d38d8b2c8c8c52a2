package dev.hikyaku.cli;

import dev.hikyaku.diagnose.domain.CheckItem;
import dev.hikyaku.diagnose.domain.CheckStatus;
import dev.hikyaku.diagnose.domain.DomainCheck;
import dev.hikyaku.diagnose.domain.DomainCheckOptions;
import dev.hikyaku.diagnose.domain.DomainReport;
import dev.hikyaku.diagnose.domain.TlsProbeSettings;
import dev.hikyaku.mailauth.dns.DnsJavaResolver;
import dev.hikyaku.mailauth.dns.IpLiterals;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code hikyaku domain check}: a sending domain's DNS as receivers see it, each item pass / info /
 * warn / fail with the fix. Needs no database ({@link StandaloneCommands}).
 */
@Command(
    name = "domain",
    description =
        "Sending domain health (MX, SPF, DKIM, DMARC, MTA-STS, TLS-RPT, STARTTLS, PTR, DNSBL).",
    mixinStandardHelpOptions = true,
    subcommands = {DomainCommand.Check.class})
class DomainCommand {

  /** Exit 0 when nothing failed, 3 when an item failed, 2 for bad options. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Check a domain's mail DNS records and the bulk-sender rules.")
  static class Check implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Parameters(index = "0", description = "The domain, e.g. example.co.jp.")
    String domain;

    @Option(names = "--selector", description = "DKIM selector to look for (repeatable).")
    List<String> selectors = new ArrayList<>();

    @Option(names = "--ip", description = "A sending IP address to check (repeatable).")
    List<String> ips = new ArrayList<>();

    @Option(
        names = "--dnsbl",
        description = "DNS blocklist zone to query (repeatable); --dnsbl common for a usual set.")
    List<String> dnsbl = new ArrayList<>();

    @Option(names = "--dns", description = "DNS server as HOST:PORT (default: the system's).")
    String dns;

    @Option(
        names = "--no-tls-probe",
        description = "Do not connect to the MX hosts to try STARTTLS (DNS only).")
    boolean noTlsProbe;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      List<InetAddress> addresses = new ArrayList<>();
      for (String ip : ips) {
        Optional<InetAddress> address = IpLiterals.tryParse(ip);
        if (address.isEmpty()) {
          err.println("hikyaku: --ip must be an IPv4 or IPv6 address: " + ip);
          return 2;
        }
        addresses.add(address.get());
      }
      List<String> zones =
          dnsbl.contains("common") ? DomainCheckOptions.COMMON_DNSBL_ZONES : List.copyOf(dnsbl);
      Optional<DnsJavaResolver> resolver = CliOutput.resolver(dns, Duration.ofSeconds(5), err);
      if (resolver.isEmpty()) {
        return 2;
      }
      DomainReport report =
          new DomainCheck(
                  resolver.get(), noTlsProbe ? TlsProbeSettings.off() : TlsProbeSettings.port25())
              .check(domain, new DomainCheckOptions(selectors, addresses, zones));
      if (json) {
        CliOutput.json(out, report);
      } else {
        out.println("Domain check: " + report.domain());
        for (CheckItem item : report.items()) {
          out.printf(
              "%-5s %-15s %s%n",
              item.status().name().toLowerCase(Locale.ROOT), item.code(), item.detail());
          if (!item.fix().isEmpty()) {
            out.printf("%21s fix: %s%n", "", item.fix());
          }
        }
      }
      out.flush();
      return report.worst() == CheckStatus.FAIL ? 3 : 0;
    }
  }
}
