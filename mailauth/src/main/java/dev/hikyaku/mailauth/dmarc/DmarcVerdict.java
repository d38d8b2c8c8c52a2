package dev.hikyaku.mailauth.dmarc;

import java.util.Objects;
import java.util.Optional;

/**
 * The DMARC verdict for one message.
 *
 * @param result pass, fail, none, temperror or permerror (RFC 9989 §9.2)
 * @param authorDomain the Author Domain evaluated; empty if the From field gave none usable
 * @param policyDomain where the applicable DMARC Policy Record was found (§3.2.5)
 * @param organizationalDomain the Author Domain's Organizational Domain, when it was needed
 * @param record the applicable DMARC Policy Record
 * @param policyTag for a fail: which tag gave the policy (p, sp or np, §4.10.1)
 * @param requestedPolicy for a fail: the policy that tag asks for
 * @param appliedPolicy what the Domain Owner asks to be done with this message: the requested
 *     policy, one level lower when the record says {@code t=y} (§4.7); none unless the result is
 *     fail. This is the value of the {@code policy.dmarc} property (§9.1)
 * @param spfAlignedDomain the SPF-Authenticated Identifier, if it is aligned
 * @param dkimAlignedDomain the first aligned DKIM-Authenticated Identifier, if any
 * @param reason a sentence for humans saying why
 */
public record DmarcVerdict(
    DmarcResult result,
    Optional<DnsDomain> authorDomain,
    Optional<DnsDomain> policyDomain,
    Optional<DnsDomain> organizationalDomain,
    Optional<DmarcRecord> record,
    Optional<PolicyTag> policyTag,
    Optional<DmarcPolicy> requestedPolicy,
    DmarcPolicy appliedPolicy,
    Optional<DnsDomain> spfAlignedDomain,
    Optional<DnsDomain> dkimAlignedDomain,
    String reason) {

  public DmarcVerdict {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(authorDomain, "authorDomain");
    Objects.requireNonNull(policyDomain, "policyDomain");
    Objects.requireNonNull(organizationalDomain, "organizationalDomain");
    Objects.requireNonNull(record, "record");
    Objects.requireNonNull(policyTag, "policyTag");
    Objects.requireNonNull(requestedPolicy, "requestedPolicy");
    Objects.requireNonNull(appliedPolicy, "appliedPolicy");
    Objects.requireNonNull(spfAlignedDomain, "spfAlignedDomain");
    Objects.requireNonNull(dkimAlignedDomain, "dkimAlignedDomain");
    Objects.requireNonNull(reason, "reason");
    boolean aligned = spfAlignedDomain.isPresent() || dkimAlignedDomain.isPresent();
    if ((result == DmarcResult.PASS) != aligned) {
      throw new IllegalArgumentException("pass if and only if an identifier is aligned");
    }
    if (result == DmarcResult.FAIL && (policyTag.isEmpty() || requestedPolicy.isEmpty())) {
      throw new IllegalArgumentException("a fail names the policy tag and the requested policy");
    }
    if (result != DmarcResult.FAIL && appliedPolicy != DmarcPolicy.NONE) {
      throw new IllegalArgumentException("only a fail applies a policy");
    }
  }

  /** A verdict without a usable record: none, temperror or permerror. */
  static DmarcVerdict withoutPolicy(
      DmarcResult result, Optional<DnsDomain> authorDomain, String reason) {
    return withoutPolicy(result, authorDomain, Optional.empty(), Optional.empty(), reason);
  }

  /** A verdict without a policy to apply, though a record may have been found. */
  static DmarcVerdict withoutPolicy(
      DmarcResult result,
      Optional<DnsDomain> authorDomain,
      Optional<DnsDomain> policyDomain,
      Optional<DmarcRecord> record,
      String reason) {
    return new DmarcVerdict(
        result,
        authorDomain,
        policyDomain,
        Optional.empty(),
        record,
        Optional.empty(),
        Optional.empty(),
        DmarcPolicy.NONE,
        Optional.empty(),
        Optional.empty(),
        reason);
  }

  /** Whether the record asks for testing ({@code t=y}): the policy is applied one level lower. */
  public boolean testing() {
    return record.map(DmarcRecord::testing).orElse(false);
  }

  /** This verdict with another reason. */
  public DmarcVerdict withReason(String newReason) {
    return new DmarcVerdict(
        result,
        authorDomain,
        policyDomain,
        organizationalDomain,
        record,
        policyTag,
        requestedPolicy,
        appliedPolicy,
        spfAlignedDomain,
        dkimAlignedDomain,
        newReason);
  }
}
