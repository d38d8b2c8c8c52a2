package dev.hikyaku.mailauth.dmarc;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The outcome of one DNS Tree Walk (RFC 9989 §4.10). */
public sealed interface WalkOutcome {

  /** The name the walk started at. */
  DnsDomain start();

  /**
   * The walk ran to its end or stopped at a record with a psd tag.
   *
   * @param queried the domains whose {@code _dmarc} names were queried, in order
   * @param found the DMARC Policy Records found, from the longest name to the shortest
   */
  record Completed(DnsDomain start, List<DnsDomain> queried, List<RecordLookup.Found> found)
      implements WalkOutcome {
    public Completed {
      Objects.requireNonNull(start, "start");
      queried = List.copyOf(queried);
      found = List.copyOf(found);
    }

    /**
     * The Organizational Domain of the start, selected as RFC 9989 §4.10.2 says, from the longest
     * name with a record to the shortest: a record with {@code psd=n} names itself; a record with
     * {@code psd=y}, other than the start's own, names the domain one label below it; otherwise the
     * name with the fewest labels wins; with no record at all the start is its own.
     */
    public DnsDomain organizationalDomain() {
      for (RecordLookup.Found f : found) {
        if (f.record().psd() == PsdFlag.NO) {
          return f.domain();
        }
        if (f.record().psd() == PsdFlag.YES && !f.domain().equals(start)) {
          return start.lastLabels(f.domain().labelCount() + 1);
        }
      }
      return found.isEmpty() ? start : found.get(found.size() - 1).domain();
    }

    /** The record found at {@code domain}, if the walk found one there. */
    public Optional<RecordLookup.Found> recordAt(DnsDomain domain) {
      return found.stream().filter(f -> f.domain().equals(domain)).findFirst();
    }

    /** The record of a Public Suffix Domain ({@code psd=y}) the walk found, if any. */
    public Optional<RecordLookup.Found> publicSuffixRecord() {
      return found.stream().filter(f -> f.record().psd() == PsdFlag.YES).findFirst();
    }
  }

  /** A query failed temporarily, so the walk's answer is unknown. */
  record Failed(DnsDomain start, DnsDomain failedAt, String detail) implements WalkOutcome {
    public Failed {
      Objects.requireNonNull(start, "start");
      Objects.requireNonNull(failedAt, "failedAt");
      Objects.requireNonNull(detail, "detail");
    }
  }
}
