package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;

/**
 * TLS failures of our MTA's outbound connections, or temporary DNS failures of its deliveries,
 * point at the mail server: its TLS policy, trust store or resolver (see {@link LogSignals} for
 * what is counted; a domain that does not exist is the counterpart's, and not counted).
 */
final class MtaTlsOrDnsRule implements PlaceRule {

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    if (evidence.tlsFailures() == 0 && evidence.dnsFailures() == 0) {
      return Optional.empty();
    }
    return Optional.of(
        new PlaceVote(
            TroublePlace.MAIL_SERVER,
            "mta-tls-dns",
            PlaceVote.ATTACHMENT,
            List.of(Long.toString(evidence.tlsFailures()), Long.toString(evidence.dnsFailures()))));
  }
}
