package dev.hikyaku.mailauth.spf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a domain's SPF policy costs and risks, read without a client address: the record, the DNS
 * lookups an evaluation can make (RFC 7208 §4.6.4 allows 10), the void lookups its names give (2
 * allowed), and problems found in it or in the records it includes.
 *
 * @param domain the domain inspected
 * @param record the domain's own SPF record, if it has exactly one
 * @param dnsLookups DNS-querying terms in the record and everything it includes or redirects to
 * @param voidLookups names in those terms that do not exist or have no records
 * @param includes the domains reached through include and redirect, in order
 * @param problems what is wrong, each with the RFC section
 */
public record SpfPolicyReport(
    String domain,
    Optional<String> record,
    int dnsLookups,
    int voidLookups,
    List<String> includes,
    List<String> problems) {

  public SpfPolicyReport {
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(record, "record");
    includes = List.copyOf(includes);
    problems = List.copyOf(problems);
  }

  /** Whether an evaluation could exceed the limit of 10 DNS-querying terms. */
  public boolean exceedsLookupLimit() {
    return dnsLookups > SpfLimits.RFC_7208.dnsMechanisms();
  }
}
