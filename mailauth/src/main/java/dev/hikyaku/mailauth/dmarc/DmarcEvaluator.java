package dev.hikyaku.mailauth.dmarc;

import dev.hikyaku.mailauth.dns.DnsResolver;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

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
 * processed. This evaluator does exactly that: addresses in the same domain count once; up to
 * {@link #MAX_AUTHOR_DOMAINS} distinct domains are each evaluated and the most severe verdict is
 * returned (a fail with the strictest applied policy, then temperror, permerror, none, pass), so
 * one passing domain never hides another; more domains give permerror, as the evaluation would be
 * incomplete. No From domain, or one that is not a domain name, gives permerror.
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
    for (String from : input.fromDomains()) {
      Optional<DnsDomain> domain = DnsDomain.parse(from);
      if (domain.isEmpty()) {
        return DmarcVerdict.withoutPolicy(
            DmarcResult.PERMERROR,
            Optional.empty(),
            "RFC5322.From domain is not a valid domain name: " + abbreviate(from));
      }
      authors.add(domain.get());
    }
    if (authors.isEmpty()) {
      return DmarcVerdict.withoutPolicy(
          DmarcResult.PERMERROR,
          Optional.empty(),
          "no RFC5322.From domain, so DMARC validation is not possible (RFC 9989 §5.3.1)");
    }
    if (authors.size() > MAX_AUTHOR_DOMAINS) {
      return DmarcVerdict.withoutPolicy(
          DmarcResult.PERMERROR,
          Optional.empty(),
          authors.size()
              + " Author Domains in RFC5322.From, more than the "
              + MAX_AUTHOR_DOMAINS
              + " evaluated, so the evaluation would be incomplete (RFC 9989 §11.5)");
    }
    AuthorDomainEvaluation evaluation =
        new AuthorDomainEvaluation(resolver, new TreeWalk(resolver), input, MAX_DKIM_DOMAINS);
    if (authors.size() == 1) {
      return evaluation.evaluate(authors.iterator().next());
    }
    List<DmarcVerdict> verdicts = new ArrayList<>();
    for (DnsDomain author : authors) {
      verdicts.add(evaluation.evaluate(author));
    }
    DmarcVerdict worst =
        verdicts.stream().max(Comparator.comparingInt(DmarcEvaluator::severity)).orElseThrow();
    String all =
        verdicts.stream()
            .map(v -> v.authorDomain().orElseThrow() + " " + v.result().rfcName())
            .collect(Collectors.joining(", "));
    return worst.withReason(
        authors.size()
            + " Author Domains evaluated ("
            + all
            + "), the most severe kept (RFC 9989 §11.5); "
            + worst.authorDomain().orElseThrow()
            + ": "
            + worst.reason());
  }

  /** Orders verdicts: a fail by its applied, then requested, policy; then the other results. */
  private static int severity(DmarcVerdict verdict) {
    return switch (verdict.result()) {
      case FAIL ->
          100
              + 10 * verdict.appliedPolicy().ordinal()
              + verdict.requestedPolicy().orElseThrow().ordinal();
      case TEMPERROR -> 40;
      case PERMERROR -> 30;
      case NONE -> 20;
      case PASS -> 10;
    };
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
