package dev.hikyaku.diagnose.domain;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.util.List;

/** MTA-STS (RFC 8461) and TLS reporting (RFC 8460) records of the domain. */
final class TransportPolicyCheck {
  private TransportPolicyCheck() {}

  static List<CheckItem> run(DnsResolver dns, String domain) {
    List<String> sts =
        dns.txt("_mta-sts." + domain).records().stream()
            .filter(t -> t.startsWith("v=STSv1"))
            .toList();
    CheckItem stsItem =
        sts.size() == 1 && sts.get(0).contains("id=")
            ? CheckItem.pass(
                "mta-sts.record",
                sts.get(0)
                    + " (the policy at https://mta-sts."
                    + domain
                    + "/.well-known/mta-sts.txt"
                    + " is not fetched by this check)")
            : CheckItem.info(
                "mta-sts.record",
                "no valid MTA-STS record at _mta-sts."
                    + domain
                    + ": senders may deliver without TLS if an attacker strips STARTTLS");
    List<String> rpt =
        dns.txt("_smtp._tls." + domain).records().stream()
            .filter(t -> t.startsWith("v=TLSRPTv1"))
            .toList();
    CheckItem rptItem =
        rpt.size() == 1 && rpt.get(0).contains("rua=")
            ? CheckItem.pass("tls-rpt.record", rpt.get(0))
            : CheckItem.info(
                "tls-rpt.record",
                "no TLS-RPT record at _smtp._tls."
                    + domain
                    + ": you are not told when senders fail to use TLS");
    return List.of(stsItem, rptItem);
  }
}
