package dev.hikyaku.diagnose.logs;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How often each key occurred, such as deferrals by reason.
 *
 * @param counts occurrences by key
 * @param overflow occurrences of keys beyond {@link AnalyzerLimits#maxDistinctKeys()}, not kept
 */
public record Tally(Map<String, Long> counts, long overflow) {

  public Tally {
    counts = Map.copyOf(counts);
    if (overflow < 0) {
      throw new IllegalArgumentException("overflow cannot be negative");
    }
  }

  /** How often {@code key} occurred. */
  public long count(String key) {
    return counts.getOrDefault(key, 0L);
  }

  /** All occurrences, overflow included. */
  public long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum() + overflow;
  }

  /** The {@code n} most frequent keys, most frequent first (ties in key order). */
  public List<Map.Entry<String, Long>> top(int n) {
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .limit(n)
        .toList();
  }

  /** The same occurrences grouped under new keys, such as DSN codes under their class. */
  public Tally regroup(Function<String, String> newKey) {
    Objects.requireNonNull(newKey, "newKey");
    Map<String, Long> grouped = new HashMap<>();
    counts.forEach((key, count) -> grouped.merge(newKey.apply(key), count, Long::sum));
    return new Tally(grouped, overflow);
  }

  static Tally of(Counters<String> counters) {
    Map<String, Long> counts = new HashMap<>();
    counters.rows().forEach((key, row) -> counts.put(key, row[0]));
    return new Tally(counts, counters.overflow()[0]);
  }
}
