package dev.hikyaku.domains;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Hikyaku's sending domains are set up.
 *
 * @param spfMechanisms the SPF terms that authorise this installation's outgoing mail, e.g. {@code
 *     ip4:192.0.2.10} (direct delivery from that address) or {@code include:_spf.relay.example} (a
 *     smarthost); suggested for, and checked in, each return-path domain's SPF record. Empty: the
 *     suggestion has a placeholder and verification only checks that a record exists.
 * @param returnPathLabel the label before the sending domain that forms the return-path (VERP
 *     bounce) domain: {@code bounces} gives {@code bounces.news.example.co.jp}; a subdomain keeps
 *     SPF relaxed-aligned with the From domain (RFC 9989 §4.4.2)
 * @param bounceMx the host that receives bounces for the return-path domains (Hikyaku's bounce
 *     listener, or the mailbox Hikyaku polls); empty: any MX is accepted
 * @param dmarcReportLocalPart the local part of the suggested aggregate-report address at the
 *     sending domain
 * @param rotationGrace how long a replaced DKIM key stays published and valid after its successor
 *     is active, so mail signed just before the rotation still verifies
 */
@ConfigurationProperties("hikyaku.domains")
public record DomainsProperties(
    @DefaultValue List<String> spfMechanisms,
    @DefaultValue("bounces") String returnPathLabel,
    @DefaultValue("") String bounceMx,
    @DefaultValue("dmarc-reports") String dmarcReportLocalPart,
    @DefaultValue("7d") Duration rotationGrace) {

  public DomainsProperties {
    spfMechanisms = List.copyOf(spfMechanisms);
  }
}
