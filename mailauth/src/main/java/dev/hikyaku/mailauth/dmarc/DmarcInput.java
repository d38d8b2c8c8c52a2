package dev.hikyaku.mailauth.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What DMARC evaluates for one message.
 *
 * @param fromDomains the domain of every address in the RFC5322.From header field(s), as extracted
 *     and not yet validated (an address without a domain as an empty string): the evaluator itself
 *     judges them, since they come straight from the sender, and an invalid one never makes the
 *     verdict milder (see {@link DmarcEvaluator})
 * @param spf the SPF check of the MAIL FROM identity, if SPF was checked
 * @param dkim every verified DKIM signature, passing or not
 */
public record DmarcInput(List<String> fromDomains, Optional<SpfCheck> spf, List<DkimCheck> dkim) {

  public DmarcInput {
    fromDomains = List.copyOf(fromDomains);
    Objects.requireNonNull(spf, "spf");
    dkim = List.copyOf(dkim);
  }

  /** A message with one From domain, an SPF check and any number of DKIM checks. */
  public static DmarcInput of(String fromDomain, SpfCheck spf, DkimCheck... dkim) {
    return new DmarcInput(List.of(fromDomain), Optional.of(spf), List.of(dkim));
  }
}
