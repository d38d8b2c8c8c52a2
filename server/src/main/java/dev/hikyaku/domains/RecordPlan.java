package dev.hikyaku.domains;

import java.util.ArrayList;
import java.util.List;

/**
 * The records a sending domain should publish, as Hikyaku suggests them before looking at DNS: DKIM
 * keys, SPF and MX for the return-path domain, DMARC starting at {@code p=none}, and the optional
 * MTA-STS and TLS-RPT records of the domain's own inbound mail.
 */
final class RecordPlan {

  private RecordPlan() {}

  static List<ExpectedRecord> of(
      SendingDomain domain, List<DkimKey> keys, DomainsProperties properties) {
    List<ExpectedRecord> records = new ArrayList<>();
    for (DkimKey key : keys) {
      if (key.published()) {
        records.add(
            new ExpectedRecord(
                ExpectedRecord.Kind.DKIM,
                key.recordName(domain.name()),
                "TXT",
                key.publicKeyRecord(),
                key.state() != DkimKey.State.RETIRING));
      }
    }
    records.add(spf(domain, properties));
    records.add(
        new ExpectedRecord(
            ExpectedRecord.Kind.RETURN_PATH_MX,
            domain.returnPathDomain(),
            "MX",
            "10 "
                + (properties.bounceMx().isBlank()
                    ? "<your bounce host>"
                    : properties.bounceMx().strip()),
            true));
    records.add(
        new ExpectedRecord(
            ExpectedRecord.Kind.DMARC,
            "_dmarc." + domain.name(),
            "TXT",
            DmarcStages.first(properties.dmarcReportLocalPart() + "@" + domain.name()),
            true));
    records.add(
        new ExpectedRecord(
            ExpectedRecord.Kind.MTA_STS,
            "_mta-sts." + domain.name(),
            "TXT",
            "v=STSv1; id=" + domain.createdAt().toString().substring(0, 10).replace("-", "") + "01",
            false));
    records.add(
        new ExpectedRecord(
            ExpectedRecord.Kind.TLS_RPT,
            "_smtp._tls." + domain.name(),
            "TXT",
            "v=TLSRPTv1; rua=mailto:tls-reports@" + domain.name(),
            false));
    return records;
  }

  /**
   * The return-path domain's SPF record for a domain that publishes none yet: this installation's
   * terms and {@code -all}, since only Hikyaku sends with this envelope domain.
   */
  static ExpectedRecord spf(SendingDomain domain, DomainsProperties properties) {
    String terms =
        properties.spfMechanisms().isEmpty()
            ? "<your sending IP, e.g. ip4:192.0.2.10>"
            : String.join(" ", properties.spfMechanisms());
    return new ExpectedRecord(
        ExpectedRecord.Kind.SPF,
        domain.returnPathDomain(),
        "TXT",
        "v=spf1 " + terms + " -all",
        true);
  }
}
