package dev.hikyaku.mailauth.dmarc;

import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Evaluates DMARC for one Author Domain of one message (RFC 9989 §5.3.2 to §5.3.6). */
final class AuthorDomainEvaluation {

  private final DnsResolver resolver;
  private final TreeWalk walk;
  private final DmarcInput input;
  private final int maxDkimDomains;

  AuthorDomainEvaluation(DnsResolver resolver, TreeWalk walk, DmarcInput input, int maxDkim) {
    this.resolver = resolver;
    this.walk = walk;
    this.input = input;
    this.maxDkimDomains = maxDkim;
  }

  DmarcVerdict evaluate(DnsDomain author) {
    Optional<DnsDomain> authorDomain = Optional.of(author);
    return switch (new PolicyDiscovery(walk).discover(author)) {
      case PolicyDiscovery.TemporaryFailure failure ->
          DmarcVerdict.withoutPolicy(
              DmarcResult.TEMPERROR,
              authorDomain,
              "DNS lookup of "
                  + failure.failedAt().dmarcName()
                  + " failed ("
                  + failure.detail()
                  + "), so DMARC can neither pass nor fail (RFC 9989 §5.3.6)");
      case PolicyDiscovery.NotFound notFound ->
          DmarcVerdict.withoutPolicy(
              DmarcResult.NONE,
              authorDomain,
              "no DMARC Policy Record for "
                  + author
                  + " (queried "
                  + notFound.queried().stream()
                      .map(DnsDomain::dmarcName)
                      .collect(Collectors.joining(", "))
                  + "); DMARC does not apply (RFC 9989 §4.10.1)");
      case PolicyDiscovery.Found found -> evaluate(author, found);
    };
  }

  private DmarcVerdict evaluate(DnsDomain author, PolicyDiscovery.Found found) {
    DmarcRecord record = found.record();
    String source = "the record at " + found.policyDomain().dmarcName();
    if (!record.usable()) {
      return DmarcVerdict.withoutPolicy(
          DmarcResult.PERMERROR,
          Optional.of(author),
          Optional.of(found.policyDomain()),
          Optional.of(record),
          source
              + " has an invalid p, sp or np and no valid rua, so no DMARC processing applies"
              + " (RFC 9989 §4.10.1)");
    }
    IdentifierAlignment alignment =
        new IdentifierAlignment(walk, author, found.organizationalDomain());
    List<String> findings = new ArrayList<>();
    boolean unknown = false;

    Optional<DnsDomain> spfAligned = Optional.empty();
    SpfCheck spf = input.spf().orElse(null);
    if (spf == null) {
      findings.add("SPF not checked");
    } else if (spf.result() != SpfResult.PASS) {
      // RFC 9989 §4.4.2: only an SPF pass yields an SPF-Authenticated Identifier.
      findings.add("SPF " + spf.result().rfcName() + " for " + spf.domain());
    } else {
      IdentifierAlignment.Check check = alignment.check(spf.domain(), record.spfAlignment());
      findings.add("SPF " + spf.domain() + " " + describe(check, record.spfAlignment()));
      unknown |= check.state() == IdentifierAlignment.State.UNKNOWN;
      if (check.state() == IdentifierAlignment.State.ALIGNED) {
        spfAligned = Optional.of(spf.domain());
      }
    }

    // RFC 9989 §4.4.1: one aligned DKIM-Authenticated Identifier is enough.
    Optional<DnsDomain> dkimAligned = Optional.empty();
    List<DnsDomain> signers = passingSigners();
    if (signers.isEmpty()) {
      findings.add("no DKIM signature passed");
    }
    for (DnsDomain signer : signers.subList(0, Math.min(signers.size(), maxDkimDomains))) {
      IdentifierAlignment.Check check = alignment.check(signer, record.dkimAlignment());
      findings.add("DKIM d=" + signer + " " + describe(check, record.dkimAlignment()));
      unknown |= check.state() == IdentifierAlignment.State.UNKNOWN;
      if (check.state() == IdentifierAlignment.State.ALIGNED) {
        dkimAligned = Optional.of(signer);
        break;
      }
    }
    if (signers.size() > maxDkimDomains && dkimAligned.isEmpty()) {
      findings.add((signers.size() - maxDkimDomains) + " more DKIM signing domains not checked");
    }

    String summary = String.join("; ", findings);
    Optional<DnsDomain> organizational = alignment.authorOrganizationalDomain();
    if (spfAligned.isPresent() || dkimAligned.isPresent()) {
      return new DmarcVerdict(
          DmarcResult.PASS,
          Optional.of(author),
          Optional.of(found.policyDomain()),
          organizational,
          Optional.of(record),
          Optional.empty(),
          Optional.empty(),
          DmarcPolicy.NONE,
          spfAligned,
          dkimAligned,
          "aligned (RFC 9989 §5.3.5): " + summary);
    }
    if (unknown) {
      return DmarcVerdict.withoutPolicy(
          DmarcResult.TEMPERROR,
          Optional.of(author),
          Optional.of(found.policyDomain()),
          Optional.of(record),
          "alignment could not be determined (RFC 9989 §5.3.6): " + summary);
    }
    Optional<PolicyTag> tag = policyTag(author, found);
    if (tag.isEmpty()) {
      return DmarcVerdict.withoutPolicy(
          DmarcResult.TEMPERROR,
          Optional.of(author),
          Optional.of(found.policyDomain()),
          Optional.of(record),
          "not aligned, but whether "
              + author
              + " exists (for np) could not be determined (RFC 9989 §5.3.6): "
              + summary);
    }
    DmarcPolicy requested = record.policyFor(tag.get());
    // RFC 9989 §4.7: t=y asks for the policy one level below the one published.
    DmarcPolicy applied = record.testing() ? requested.oneLevelBelow() : requested;
    String policy =
        tag.get().tagName()
            + "="
            + requested.rfcName()
            + " of "
            + source
            + (record.testing() ? ", t=y so " + applied.rfcName() + " applies" : "");
    return new DmarcVerdict(
        DmarcResult.FAIL,
        Optional.of(author),
        Optional.of(found.policyDomain()),
        organizational,
        Optional.of(record),
        tag,
        Optional.of(requested),
        applied,
        Optional.empty(),
        Optional.empty(),
        "no aligned identifier (RFC 9989 §5.3.5): " + summary + "; policy " + policy);
  }

  /**
   * RFC 9989 §4.10.1: the Author Domain's own record gives p; a record of its Organizational Domain
   * or PSD gives sp if the Author Domain exists, np if it does not, falling back to p. Empty when
   * existence mattered but could not be determined.
   */
  private Optional<PolicyTag> policyTag(DnsDomain author, PolicyDiscovery.Found found) {
    DmarcRecord record = found.record();
    if (found.policyDomain().equals(author)) {
      return Optional.of(PolicyTag.P);
    }
    PolicyTag existing = record.subdomainPolicy().isPresent() ? PolicyTag.SP : PolicyTag.P;
    if (record.nonExistentPolicy().isEmpty()) {
      return Optional.of(existing);
    }
    return switch (DomainExistence.check(resolver, author)) {
      case EXISTS -> Optional.of(existing);
      case DOES_NOT_EXIST -> Optional.of(PolicyTag.NP);
      case UNKNOWN -> Optional.empty();
    };
  }

  private List<DnsDomain> passingSigners() {
    Set<DnsDomain> signers = new LinkedHashSet<>();
    for (DkimCheck check : input.dkim()) {
      if (check.result() == DkimResult.PASS) {
        signers.add(check.signingDomain());
      }
    }
    return List.copyOf(signers);
  }

  private static String describe(IdentifierAlignment.Check check, Alignment mode) {
    String state =
        switch (check.state()) {
          case ALIGNED -> "aligned";
          case NOT_ALIGNED -> "not aligned";
          case UNKNOWN -> "alignment unknown";
        };
    String modeName = mode == Alignment.STRICT ? "strict" : "relaxed";
    return state + " (" + modeName + ": " + check.detail() + ")";
  }
}
