package dev.hikyaku.mailauth.dmarc;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates DMARC (RFC 9989) for a message: finds the policy by the DNS Tree Walk, checks the
 * alignment of the SPF- and DKIM-Authenticated Identifiers and chooses the policy to apply.
 *
 * <p>Implemented from draft-ietf-dmarc-dmarcbis-41 (April 2025), the text the IESG approved and the
 * RFC Editor published as RFC 9989 (May 2026); the final RFC text was not available to us, so
 * section numbers are the draft's.
 *
 * <p><b>Several From domains.</b> RFC 9989 §5.3.1 says DMARC validation is not possible with zero
 * or several Author Domains but lets a receiver go on anyway; §11.5 warns that skipping such
 * messages lets an attacker slip a spoofed domain past DMARC, and recommends evaluating each Author
 * Domain and applying the strictest policy among those that fail, with a limit on how many are
 * processed. This evaluator does exactly that: addresses in the same domain count once; the first
 * {@link #MAX_AUTHOR_DOMAINS} distinct valid domains are each evaluated and the most severe verdict
 * is returned (a fail with the strictest applied policy, then temperror, permerror, none, pass), so
 * one passing domain never hides another.
 *
 * <p><b>Invalid and excess From domains</b> ({@code x@[192.0.2.1]}, {@code a..b}, an address
 * without a domain, a fifth distinct domain) never lower the outcome, since an attacker adds them
 * at will ({@code From: ceo@victim.example, x@[192.0.2.1]}): they cannot be authenticated, so the
 * message cannot pass, and the result is a fail carrying the strictest policy among the records the
 * evaluated domains found, the reason naming what was invalid or ignored. Without any such record
 * the result is the most severe of the evaluated verdicts and permerror. Only when no From domain
 * is valid at all is the result permerror with nothing looked up (RFC 9989 §5.3.1).
 *
 * <p>Thread-safe: every call uses its own {@link TreeWalk}, so DNS answers are shared between the
 * walks for one message only.
 */
public final class DmarcEvaluator {

  /** At most this many distinct Author Domains are evaluated for one message (RFC 9989 §11.5). */
  public static final int MAX_AUTHOR_DOMAINS = 4;

  /** At most this many distinct passing DKIM signing domains are checked for alignment. */
  public static final int MAX_DKIM_DOMAINS = 8;

  private final DnsResolver resolver;

  public DmarcEvaluator(DnsResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /** The verdict for {@code input}; DNS failures are results, never exceptions. */
  public DmarcVerdict evaluate(DmarcInput input) {
    Set<DnsDomain> authors = new LinkedHashSet<>();
    Set<DnsDomain> ignored = new LinkedHashSet<>();
    List<String> invalid = new ArrayList<>();
    for (String from : input.fromDomains()) {
      Optional<DnsDomain> domain = DnsDomain.parse(from);
      if (domain.isEmpty()) {
        invalid.add(from == null ? "" : from);
      } else if (authors.size() < MAX_AUTHOR_DOMAINS || authors.contains(domain.get())) {
        authors.add(domain.get());
      } else {
        ignored.add(domain.get());
      }
    }
    if (authors.isEmpty()) {
      return DmarcVerdict.withoutPolicy(
          DmarcResult.PERMERROR,
          Optional.empty(),
          invalid.isEmpty()
              ? "no RFC5322.From domain, so DMARC validation is not possible (RFC 9989 §5.3.1)"
              : "no RFC5322.From address has a valid domain ("
                  + StrictestVerdict.quoted(invalid)
                  + "), so DMARC validation is not possible (RFC 9989 §5.3.1)");
    }
    AuthorDomainEvaluation evaluation =
        new AuthorDomainEvaluation(resolver, new TreeWalk(resolver), input, MAX_DKIM_DOMAINS);
    List<DmarcVerdict> verdicts = new ArrayList<>();
    for (DnsDomain author : authors) {
      verdicts.add(evaluation.evaluate(author));
    }
    return StrictestVerdict.of(verdicts, invalid, List.copyOf(ignored));
  }
}
