package dev.hikyaku.mailauth.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the DMARC Policy Record for an Author Domain (RFC 9989 §4.10.1): the Author Domain's own
 * record, else its Organizational Domain's, else its Public Suffix Domain's.
 */
public final class PolicyDiscovery {

  private final TreeWalk walk;

  /** Discovers through {@code walk}, sharing its remembered answers. */
  public PolicyDiscovery(TreeWalk walk) {
    this.walk = Objects.requireNonNull(walk, "walk");
  }

  /** What discovery found. */
  public sealed interface Outcome {}

  /**
   * A DMARC Policy Record applies.
   *
   * @param policyDomain the domain the record was found at (§3.2.5)
   * @param organizationalDomain the Author Domain's Organizational Domain when discovery had to
   *     determine it; empty when the Author Domain's own record made that unnecessary
   */
  public record Found(
      DnsDomain policyDomain, DmarcRecord record, Optional<DnsDomain> organizationalDomain)
      implements Outcome {
    public Found {
      Objects.requireNonNull(policyDomain, "policyDomain");
      Objects.requireNonNull(record, "record");
      Objects.requireNonNull(organizationalDomain, "organizationalDomain");
    }
  }

  /** No DMARC Policy Record applies: DMARC does not apply to the message (§4.10.1). */
  public record NotFound(List<DnsDomain> queried) implements Outcome {
    public NotFound {
      queried = List.copyOf(queried);
    }
  }

  /** A query failed temporarily at {@code failedAt}. */
  public record TemporaryFailure(DnsDomain failedAt, String detail) implements Outcome {
    public TemporaryFailure {
      Objects.requireNonNull(failedAt, "failedAt");
      Objects.requireNonNull(detail, "detail");
    }
  }

  /** Discovers the policy for {@code authorDomain}. */
  public Outcome discover(DnsDomain authorDomain) {
    // RFC 9989 §4.10.1: policy discovery starts with a query at the Author Domain itself.
    switch (walk.lookup(authorDomain)) {
      case RecordLookup.TemporaryFailure failure -> {
        return new TemporaryFailure(failure.domain(), failure.detail());
      }
      case RecordLookup.Found own -> {
        // With psd=n or psd=y the walk would stop right here, making the Author Domain its own
        // Organizational Domain (§4.10.2); otherwise finding it takes a walk, done only if needed.
        Optional<DnsDomain> organizational =
            own.record().psd() == PsdFlag.UNSPECIFIED
                ? Optional.empty()
                : Optional.of(authorDomain);
        return new Found(authorDomain, own.record(), organizational);
      }
      case RecordLookup.Absent absent -> {}
    }
    // Otherwise walk up from the parent (or the last 7 labels); the walk's first query, at the
    // Author Domain, is the one just made and is not repeated.
    return switch (walk.walk(authorDomain)) {
      case WalkOutcome.Failed failed -> new TemporaryFailure(failed.failedAt(), failed.detail());
      case WalkOutcome.Completed completed -> fromWalk(completed);
    };
  }

  private static Outcome fromWalk(WalkOutcome.Completed walk) {
    if (walk.found().isEmpty()) {
      return new NotFound(walk.queried());
    }
    DnsDomain organizational = walk.organizationalDomain();
    Optional<RecordLookup.Found> chosen =
        walk.recordAt(organizational).or(walk::publicSuffixRecord);
    // Every walk that found a record selects an Organizational Domain with a record, or one
    // below a psd=y record; the last fallback only keeps this method total.
    RecordLookup.Found record = chosen.orElse(walk.found().get(walk.found().size() - 1));
    return new Found(record.domain(), record.record(), Optional.of(organizational));
  }
}
