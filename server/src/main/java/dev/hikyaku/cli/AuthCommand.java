package dev.hikyaku.cli;

import dev.hikyaku.mailauth.AuthenticationReport;
import dev.hikyaku.mailauth.MessageAuthenticator;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dmarc.DmarcVerdict;
import dev.hikyaku.mailauth.dns.DnsJavaResolver;
import dev.hikyaku.mailauth.dns.IpLiterals;
import dev.hikyaku.mailauth.spf.SpfVerdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hikyaku auth check}: SPF, DKIM and DMARC verdicts for a message file as a receiver would
 * see them, with reasons. Needs no database ({@link StandaloneCommands}).
 */
@Command(
    name = "auth",
    description = "Mail authentication (SPF, DKIM, DMARC).",
    mixinStandardHelpOptions = true,
    subcommands = {AuthCommand.Check.class})
class AuthCommand {

  /**
   * Exit 0 with the verdicts, whatever they are; 1 if the file cannot be read; 2 for bad options.
   */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = "Check SPF, every DKIM signature and DMARC for a received message.")
  static class Check implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--message", required = true, description = "The message file (.eml).")
    Path message;

    @Option(names = "--ip", required = true, description = "The connecting client's IP address.")
    String ip;

    @Option(names = "--helo", required = true, description = "The HELO/EHLO name it gave.")
    String helo;

    @Option(
        names = "--mail-from",
        required = true,
        description = "The envelope sender (MAIL FROM); \"\" for a bounce.")
    String mailFrom;

    @Option(
        names = "--dns",
        description = "DNS server as HOST:PORT (default: the system's resolvers).")
    String dns;

    @Option(names = "--timeout", defaultValue = "5", description = "DNS timeout in seconds.")
    int timeoutSeconds;

    @Option(
        names = "--authserv-id",
        defaultValue = "hikyaku",
        description = "The name in the Authentication-Results field.")
    String authservId;

    @Option(names = "--json", description = "Print JSON for machines.")
    boolean json;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Optional<InetAddress> client = IpLiterals.tryParse(ip);
      if (client.isEmpty()) {
        err.println("hikyaku: --ip must be an IPv4 or IPv6 address: " + ip);
        return 2;
      }
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(message);
      } catch (IOException e) {
        err.println("hikyaku: cannot read " + message + ": " + e.getMessage());
        return 1;
      }
      Optional<DnsJavaResolver> resolver =
          CliOutput.resolver(dns, Duration.ofSeconds(Math.max(1, timeoutSeconds)), err);
      if (resolver.isEmpty()) {
        return 2;
      }
      AuthenticationReport report =
          new MessageAuthenticator(resolver.get(), Clock.systemUTC(), authservId)
              .authenticate(bytes, client.get(), helo, mailFrom);
      if (json) {
        CliOutput.json(out, toJson(report));
      } else {
        printText(report, out);
      }
      out.flush();
      return 0;
    }

    private static void printText(AuthenticationReport report, PrintWriter out) {
      SpfVerdict spf = report.spf();
      out.printf(
          "SPF    %-9s %s %s: %s%n", spf.result(), spf.identity(), spf.domain(), spf.reason());
      spf.explanation().ifPresent(e -> out.printf("       explanation: %s%n", e));
      if (report.dkim().isEmpty()) {
        out.println("DKIM   none      the message has no DKIM-Signature");
      }
      for (DkimVerification d : report.dkim()) {
        out.printf(
            "DKIM   %-9s d=%s s=%s a=%s%s: %s%s%n",
            d.result(),
            d.domain(),
            d.selector(),
            d.algorithm(),
            d.keyBits() > 0 ? " (" + d.keyBits() + " bits)" : "",
            d.reason(),
            d.testing() ? " [key in testing mode, t=y]" : "");
      }
      DmarcVerdict dmarc = report.dmarc();
      out.printf(
          "DMARC  %-9s from=%s policy=%s: %s%n",
          dmarc.result(),
          dmarc.authorDomain().map(Object::toString).orElse(String.join(",", report.fromDomains())),
          dmarc.appliedPolicy().rfcName(),
          dmarc.reason());
      out.println();
      out.println(report.authenticationResultsField());
    }

    private static Map<String, Object> toJson(AuthenticationReport report) {
      SpfVerdict spf = report.spf();
      Map<String, Object> spfJson = new LinkedHashMap<>();
      spfJson.put("result", spf.result().rfcName());
      spfJson.put("identity", spf.identity());
      spfJson.put("domain", spf.domain());
      spfJson.put("mechanism", spf.mechanism().orElse(null));
      spfJson.put("explanation", spf.explanation().orElse(null));
      spfJson.put("reason", spf.reason());
      List<Map<String, Object>> dkimJson =
          report.dkim().stream()
              .map(d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("result", d.result().rfcName());
                m.put("domain", d.domain());
                m.put("selector", d.selector());
                m.put("identity", d.identity());
                m.put("algorithm", d.algorithm());
                m.put("keyBits", d.keyBits());
                m.put("testing", d.testing());
                m.put("headerB", d.headerB());
                m.put("reason", d.reason());
                return m;
              })
              .toList();
      DmarcVerdict dmarc = report.dmarc();
      Map<String, Object> dmarcJson = new LinkedHashMap<>();
      dmarcJson.put("result", dmarc.result().rfcName());
      dmarcJson.put("authorDomain", dmarc.authorDomain().map(Object::toString).orElse(null));
      dmarcJson.put("policyDomain", dmarc.policyDomain().map(Object::toString).orElse(null));
      dmarcJson.put(
          "organizationalDomain", dmarc.organizationalDomain().map(Object::toString).orElse(null));
      dmarcJson.put("policyTag", dmarc.policyTag().map(Object::toString).orElse(null));
      dmarcJson.put("requestedPolicy", dmarc.requestedPolicy().map(p -> p.rfcName()).orElse(null));
      dmarcJson.put("appliedPolicy", dmarc.appliedPolicy().rfcName());
      dmarcJson.put("spfAligned", dmarc.spfAlignedDomain().map(Object::toString).orElse(null));
      dmarcJson.put("dkimAligned", dmarc.dkimAlignedDomain().map(Object::toString).orElse(null));
      dmarcJson.put("reason", dmarc.reason());
      Map<String, Object> root = new LinkedHashMap<>();
      root.put("fromDomains", report.fromDomains());
      root.put("spf", spfJson);
      root.put("dkim", dkimJson);
      root.put("dmarc", dmarcJson);
      root.put("authenticationResults", report.authenticationResultsField());
      return root;
    }
  }
}
