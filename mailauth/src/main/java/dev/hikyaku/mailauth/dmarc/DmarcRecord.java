package dev.hikyaku.mailauth.dmarc;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A parsed DMARC Policy Record (RFC 9989 §4.7): the tags that matter to a Mail Receiver, with the
 * defaults of §4.7 filled in.
 *
 * @param policy the p tag; {@code none} when the tag is absent (§4.7)
 * @param subdomainPolicy the sp tag, if present and valid
 * @param nonExistentPolicy the np tag, if present and valid
 * @param dkimAlignment the adkim tag; relaxed by default
 * @param spfAlignment the aspf tag; relaxed by default
 * @param aggregateReportUris the syntactically valid URIs of the rua tag
 * @param failureReportUris the syntactically valid URIs of the ruf tag
 * @param failureOptions the fo tag's values ({@code 0}, {@code 1}, {@code d}, {@code s}); {@code
 *     [0]} by default; meaningless without ruf
 * @param testing the t tag: {@code t=y} asks receivers to apply a policy one level below
 * @param psd the psd tag; {@code u} by default
 * @param usable false when p, sp or np is invalid and no valid rua URI is present: then the Mail
 *     Receiver applies no DMARC processing (§4.10.1)
 * @param notes what the parser ignored or replaced by a default, for humans
 */
public record DmarcRecord(
    DmarcPolicy policy,
    Optional<DmarcPolicy> subdomainPolicy,
    Optional<DmarcPolicy> nonExistentPolicy,
    Alignment dkimAlignment,
    Alignment spfAlignment,
    List<URI> aggregateReportUris,
    List<URI> failureReportUris,
    List<String> failureOptions,
    boolean testing,
    PsdFlag psd,
    boolean usable,
    List<String> notes) {

  public DmarcRecord {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(subdomainPolicy, "subdomainPolicy");
    Objects.requireNonNull(nonExistentPolicy, "nonExistentPolicy");
    Objects.requireNonNull(dkimAlignment, "dkimAlignment");
    Objects.requireNonNull(spfAlignment, "spfAlignment");
    Objects.requireNonNull(psd, "psd");
    aggregateReportUris = List.copyOf(aggregateReportUris);
    failureReportUris = List.copyOf(failureReportUris);
    failureOptions = List.copyOf(failureOptions);
    notes = List.copyOf(notes);
    if (failureOptions.isEmpty()) {
      throw new IllegalArgumentException("fo has at least one value");
    }
  }

  /** Parses the text of one TXT record; never throws. */
  public static DmarcRecordParse parse(String text) {
    return DmarcRecordParser.parse(text);
  }

  /**
   * The policy a tag gives, with the fallbacks of §4.7: sp falls back to p; np falls back to sp,
   * then to p.
   */
  public DmarcPolicy policyFor(PolicyTag tag) {
    return switch (tag) {
      case P -> policy;
      case SP -> subdomainPolicy.orElse(policy);
      case NP -> nonExistentPolicy.orElse(subdomainPolicy.orElse(policy));
    };
  }
}
