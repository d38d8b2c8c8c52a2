package dev.hikyaku.mailauth.dmarc;

import java.util.Objects;
import java.util.Optional;

/**
 * Checks Authenticated Identifiers against one Author Domain (RFC 9989 §4.4, §4.10.2), walking the
 * DNS tree only when relaxed alignment needs an Organizational Domain.
 */
final class IdentifierAlignment {

  /** Whether one identifier is aligned. */
  enum State {
    ALIGNED,
    NOT_ALIGNED,
    UNKNOWN
  }

  /** The answer for one identifier, with a phrase saying why. */
  record Check(DnsDomain identifier, State state, String detail) {}

  private final TreeWalk walk;
  private final DnsDomain author;
  private Optional<DnsDomain> authorOrganizational;

  IdentifierAlignment(TreeWalk walk, DnsDomain author, Optional<DnsDomain> knownOrganizational) {
    this.walk = Objects.requireNonNull(walk);
    this.author = Objects.requireNonNull(author);
    this.authorOrganizational = Objects.requireNonNull(knownOrganizational);
  }

  /** The Author Domain's Organizational Domain, if discovery or a check has determined it. */
  Optional<DnsDomain> authorOrganizationalDomain() {
    return authorOrganizational;
  }

  Check check(DnsDomain identifier, Alignment mode) {
    if (identifier.equals(author)) {
      // §4.10.2: identical domains need no walk, whatever the mode.
      return new Check(identifier, State.ALIGNED, "identical to the Author Domain");
    }
    if (mode == Alignment.STRICT) {
      return new Check(identifier, State.NOT_ALIGNED, "not identical (strict alignment)");
    }
    if (authorOrganizational.isEmpty()) {
      switch (walk.walk(author)) {
        case WalkOutcome.Failed failed -> {
          return unknown(identifier, failed);
        }
        case WalkOutcome.Completed completed ->
            authorOrganizational = Optional.of(completed.organizationalDomain());
      }
    }
    DnsDomain authorOrg = authorOrganizational.orElseThrow();
    // An Organizational Domain is always the name itself or an ancestor, so a name outside the
    // Author Domain's Organizational Domain cannot share it and needs no walk.
    if (!identifier.isWithin(authorOrg)) {
      return new Check(
          identifier, State.NOT_ALIGNED, "outside the Organizational Domain " + authorOrg);
    }
    return switch (walk.walk(identifier)) {
      case WalkOutcome.Failed failed -> unknown(identifier, failed);
      case WalkOutcome.Completed completed -> {
        DnsDomain org = completed.organizationalDomain();
        yield org.equals(authorOrg)
            ? new Check(identifier, State.ALIGNED, "same Organizational Domain " + org)
            : new Check(
                identifier,
                State.NOT_ALIGNED,
                "Organizational Domain " + org + " is not " + authorOrg);
      }
    };
  }

  private static Check unknown(DnsDomain identifier, WalkOutcome.Failed failed) {
    return new Check(
        identifier,
        State.UNKNOWN,
        "DNS lookup of " + failed.failedAt().dmarcName() + " failed (" + failed.detail() + ")");
  }
}
