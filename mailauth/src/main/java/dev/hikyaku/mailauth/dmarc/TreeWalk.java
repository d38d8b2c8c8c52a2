package dev.hikyaku.mailauth.dmarc;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The DNS Tree Walk of RFC 9989 §4.10: queries {@code _dmarc.<name>} from a start name up towards
 * the root, at most eight queries, stopping early at a record with a psd tag.
 *
 * <p>Answers are remembered for the life of the instance, so the walks for the Author Domain and
 * for each Authenticated Identifier of one message ask for each name once. Use one instance per
 * message; it is not thread-safe.
 */
public final class TreeWalk {

  /** RFC 9989 §4.10: a walk never makes more than this many queries. */
  public static final int MAX_QUERIES = 8;

  // RFC 9989 §4.10 step 4: from a start with 8 or more labels jump straight to its last 7.
  private static final int SHORTCUT_LABELS = MAX_QUERIES - 1;

  private final DnsResolver resolver;
  private final Map<DnsDomain, RecordLookup> answers = new HashMap<>();

  public TreeWalk(DnsResolver resolver) {
    this.resolver = Objects.requireNonNull(resolver, "resolver");
  }

  /**
   * The domains a walk from {@code start} queries, in order (RFC 9989 §4.10 steps 3 to 7): the
   * start; then, if it has fewer than 8 labels, its parent, else its last 7 labels; then one label
   * less each time, down to the single-label name.
   */
  public static List<DnsDomain> targets(DnsDomain start) {
    List<DnsDomain> targets = new ArrayList<>(MAX_QUERIES);
    targets.add(start);
    if (start.labelCount() == 1) {
      return targets;
    }
    DnsDomain next =
        start.labelCount() < MAX_QUERIES
            ? start.parent().orElseThrow()
            : start.lastLabels(SHORTCUT_LABELS);
    while (true) {
      targets.add(next);
      if (next.labelCount() == 1) {
        return targets;
      }
      next = next.parent().orElseThrow();
    }
  }

  /** Walks from {@code start}; a temporary DNS failure at any step ends it as {@code Failed}. */
  public WalkOutcome walk(DnsDomain start) {
    List<DnsDomain> queried = new ArrayList<>();
    List<RecordLookup.Found> found = new ArrayList<>();
    for (DnsDomain target : targets(start)) {
      queried.add(target);
      switch (lookup(target)) {
        case RecordLookup.TemporaryFailure failure -> {
          return new WalkOutcome.Failed(start, target, failure.detail());
        }
        case RecordLookup.Absent absent -> {}
        case RecordLookup.Found record -> {
          found.add(record);
          // RFC 9989 §4.10 steps 2 and 6: a record with psd=n or psd=y ends the walk.
          if (record.record().psd() != PsdFlag.UNSPECIFIED) {
            return new WalkOutcome.Completed(start, queried, found);
          }
        }
      }
    }
    return new WalkOutcome.Completed(start, queried, found);
  }

  /** The DMARC Policy Record published at {@code _dmarc.<domain>}, asked once per instance. */
  public RecordLookup lookup(DnsDomain domain) {
    RecordLookup known = answers.get(domain);
    if (known == null) {
      known = query(domain);
      answers.put(domain, known);
    }
    return known;
  }

  private RecordLookup query(DnsDomain domain) {
    DnsResult<String> answer;
    try {
      answer = resolver.txt(domain.dmarcName());
    } catch (RuntimeException e) {
      // DnsResolver promises results, not exceptions; a broken adapter still must not make the
      // evaluation throw, and a failure of ours to ask is temporary by nature (RFC 9989 §5.3.6).
      return new RecordLookup.TemporaryFailure(domain, "DNS lookup failed: " + describe(e));
    }
    return switch (answer) {
      case DnsResult.Found<String> txt -> select(domain, txt.records());
      case DnsResult.NoSuchDomain<String> n -> new RecordLookup.Absent(domain, "no such name");
      case DnsResult.NoData<String> n -> new RecordLookup.Absent(domain, "no TXT record");
      case DnsResult.ServerFailure<String> f ->
          new RecordLookup.TemporaryFailure(domain, "server failure: " + f.detail());
      case DnsResult.Timeout<String> t -> new RecordLookup.TemporaryFailure(domain, "timeout");
    };
  }

  /** The exception's class and message, for a reason; its message alone may be null. */
  private static String describe(RuntimeException e) {
    return e.getMessage() == null
        ? e.getClass().getSimpleName()
        : e.getClass().getSimpleName() + ": " + e.getMessage();
  }

  // RFC 9989 §4.10 step 2: keep records starting with v=DMARC1; several are all discarded.
  private static RecordLookup select(DnsDomain domain, List<String> texts) {
    List<DmarcRecord> records = new ArrayList<>();
    for (String text : texts) {
      if (DmarcRecordParser.parse(text) instanceof DmarcRecordParse.Valid valid) {
        records.add(valid.record());
      }
    }
    return switch (records.size()) {
      case 0 -> new RecordLookup.Absent(domain, "no DMARC record among the TXT records");
      case 1 -> new RecordLookup.Found(domain, records.get(0));
      default -> new RecordLookup.Absent(domain, records.size() + " DMARC records, all discarded");
    };
  }
}
