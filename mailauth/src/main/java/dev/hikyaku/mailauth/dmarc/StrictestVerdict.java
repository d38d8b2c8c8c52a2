package dev.hikyaku.mailauth.dmarc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Combines the verdicts of a message's Author Domains into one, as RFC 9989 §11.5 recommends: the
 * most severe wins, and From domains that could not be evaluated never make it milder.
 */
final class StrictestVerdict {

  private static final int MAX_NAMED = 3;
  private static final int MAX_NAME_LENGTH = 80;

  private StrictestVerdict() {}

  /**
   * The verdict for the message, from the {@code verdicts} of the evaluated Author Domains (at
   * least one), the From domains that were not valid domain names and the valid ones left out.
   */
  static DmarcVerdict of(
      List<DmarcVerdict> verdicts, List<String> invalid, List<DnsDomain> ignored) {
    if (invalid.isEmpty() && ignored.isEmpty()) {
      if (verdicts.size() == 1) {
        return verdicts.get(0);
      }
      DmarcVerdict worst = mostSevere(verdicts);
      return worst.withReason(
          verdicts.size()
              + " Author Domains evaluated ("
              + summary(verdicts)
              + "), the most severe kept (RFC 9989 §11.5); "
              + worst.authorDomain().orElseThrow()
              + ": "
              + worst.reason());
    }
    // An unevaluated From domain cannot be authenticated, so the message cannot pass: every
    // evaluated domain whose record gives a policy counts as failing (RFC 9989 §11.5).
    List<String> problems = new ArrayList<>();
    if (!invalid.isEmpty()) {
      problems.add("RFC5322.From domain not a valid domain name: " + quoted(invalid));
    }
    if (!ignored.isEmpty()) {
      problems.add(
          ignored.size()
              + " more Author Domains than the "
              + DmarcEvaluator.MAX_AUTHOR_DOMAINS
              + " evaluated, ignored: "
              + quoted(ignored.stream().map(DnsDomain::toString).toList()));
    }
    String unevaluated = String.join("; ", problems);
    String evaluated = "evaluated: " + summary(verdicts);
    List<DmarcVerdict> candidates = new ArrayList<>();
    for (DmarcVerdict verdict : verdicts) {
      candidates.add(asFail(verdict).orElse(verdict));
    }
    DmarcVerdict worst = mostSevere(candidates);
    if (worst.result() == DmarcResult.FAIL) {
      return worst.withReason(
          unevaluated
              + ", so DMARC cannot pass and the strictest policy of the evaluated Author Domains"
              + " applies (RFC 9989 §11.5): "
              + policy(worst)
              + "; "
              + evaluated
              + "; "
              + worst.authorDomain().orElseThrow()
              + ": "
              + worst.reason());
    }
    // No evaluated domain has a usable record, so there is no policy to carry.
    DmarcVerdict unknown =
        DmarcVerdict.withoutPolicy(
            DmarcResult.PERMERROR,
            Optional.empty(),
            unevaluated + ", and no evaluated Author Domain has a DMARC policy; " + evaluated);
    if (severity(worst) > severity(unknown)) {
      return worst.withReason(unevaluated + "; " + evaluated + "; " + worst.reason());
    }
    return unknown;
  }

  /**
   * {@code verdict} as a fail when it is not one but has a usable record: the policy is p for the
   * Author Domain's own record, else sp when published (np is not considered, as whether the domain
   * exists was not asked), else p; t=y lowers it one level (RFC 9989 §4.7, §4.10.1).
   */
  private static Optional<DmarcVerdict> asFail(DmarcVerdict verdict) {
    if (verdict.result() == DmarcResult.FAIL
        || verdict.record().isEmpty()
        || !verdict.record().get().usable()
        || verdict.policyDomain().isEmpty()) {
      return Optional.empty();
    }
    DmarcRecord record = verdict.record().get();
    PolicyTag tag =
        verdict.policyDomain().equals(verdict.authorDomain()) || record.subdomainPolicy().isEmpty()
            ? PolicyTag.P
            : PolicyTag.SP;
    DmarcPolicy requested = record.policyFor(tag);
    return Optional.of(
        new DmarcVerdict(
            DmarcResult.FAIL,
            verdict.authorDomain(),
            verdict.policyDomain(),
            verdict.organizationalDomain(),
            verdict.record(),
            Optional.of(tag),
            Optional.of(requested),
            record.testing() ? requested.oneLevelBelow() : requested,
            Optional.empty(),
            Optional.empty(),
            verdict.reason()));
  }

  private static DmarcVerdict mostSevere(List<DmarcVerdict> verdicts) {
    return verdicts.stream().max(Comparator.comparingInt(StrictestVerdict::severity)).orElseThrow();
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

  private static String policy(DmarcVerdict fail) {
    DmarcPolicy requested = fail.requestedPolicy().orElseThrow();
    return fail.authorDomain().map(d -> d + " ").orElse("")
        + fail.policyTag().orElseThrow().tagName()
        + "="
        + requested.rfcName()
        + fail.policyDomain().map(d -> " of the record at " + d.dmarcName()).orElse("")
        + (fail.appliedPolicy() != requested
            ? ", t=y so " + fail.appliedPolicy() + " applies"
            : "");
  }

  private static String summary(List<DmarcVerdict> verdicts) {
    return verdicts.stream()
        .map(v -> v.authorDomain().orElseThrow() + " " + v.result().rfcName())
        .collect(Collectors.joining(", "));
  }

  /** The first few {@code names}, quoted and shortened, then how many more there are. */
  static String quoted(List<String> names) {
    String shown =
        names.stream()
            .limit(MAX_NAMED)
            .map(n ->
                "\""
                    + (n.length() <= MAX_NAME_LENGTH ? n : n.substring(0, MAX_NAME_LENGTH) + "...")
                    + "\"")
            .collect(Collectors.joining(", "));
    return names.size() > MAX_NAMED
        ? shown + " and " + (names.size() - MAX_NAMED) + " more"
        : shown;
  }
}
