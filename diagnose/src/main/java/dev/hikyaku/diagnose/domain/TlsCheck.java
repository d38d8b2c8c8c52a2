package dev.hikyaku.diagnose.domain;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** STARTTLS on the domain's MX hosts (RFC 3207), with the certificate checked (RFC 8461 §4.2). */
final class TlsCheck {
  private TlsCheck() {}

  static List<CheckItem> run(Map<String, List<InetAddress>> mxHosts, TlsProbeSettings settings) {
    List<CheckItem> items = new ArrayList<>();
    StartTlsProbe probe = new StartTlsProbe(settings.timeout(), settings.trust());
    mxHosts.entrySet().stream()
        .filter(e -> !e.getValue().isEmpty())
        .limit(settings.maxHosts())
        .forEach(e -> items.add(probe(probe, e.getKey(), e.getValue().get(0), settings.port())));
    return items;
  }

  private static CheckItem probe(StartTlsProbe probe, String host, InetAddress ip, int port) {
    String where = host + " [" + ip.getHostAddress() + "]:" + port;
    try {
      StartTlsProbe.Outcome outcome = probe.probe(host, ip, port);
      if (!outcome.offered()) {
        return CheckItem.fail(
            "tls.starttls",
            where + " does not offer STARTTLS",
            "Enable STARTTLS on the mail server: without it mail to this domain travels in clear"
                + " and Gmail marks it as not encrypted.");
      }
      String seen =
          where + ": " + outcome.protocol() + " " + outcome.cipher() + ", " + outcome.subject();
      return outcome.problem().isEmpty()
          ? CheckItem.pass("tls.starttls", seen)
          : CheckItem.warn(
              "tls.starttls",
              seen + "; " + outcome.problem(),
              "Install a certificate from a public CA that names "
                  + host
                  + ": senders that"
                  + " check certificates (MTA-STS enforce) will not deliver.");
    } catch (IOException e) {
      return CheckItem.warn(
          "tls.starttls",
          where + " could not be probed: " + e.getMessage(),
          "Check that the host accepts connections on port "
              + port
              + " (this machine's own"
              + " outbound port 25 may be blocked).");
    }
  }
}
