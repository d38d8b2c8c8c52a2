package dev.hikyaku.approval.checks;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects the findings of one scan: at most {@value #MAX_PER_CODE} of one code per scope (an
 * attachment, an entry of an archive, a body part), then one {@code more-findings} summary, and in
 * a fixed order: blocking before warning, otherwise in the order found.
 */
final class Findings {

  static final int MAX_PER_CODE = 20;

  private final List<Finding> kept = new ArrayList<>();
  private final Map<String, Integer> perCode = new LinkedHashMap<>();
  private final Map<String, Overflow> overflow = new LinkedHashMap<>();

  private record Overflow(String scope, String code, int count, boolean blocking) {}

  /** Adds {@code finding}, found in {@code scope}, unless its code is already full there. */
  void add(String scope, Finding finding) {
    String key = finding.code() + '\u0000' + scope;
    int seen = perCode.merge(key, 1, Integer::sum);
    if (seen <= MAX_PER_CODE) {
      kept.add(finding);
      return;
    }
    overflow.merge(
        key,
        new Overflow(scope, finding.code(), 1, finding.blocking()),
        (a, b) -> new Overflow(a.scope(), a.code(), a.count() + 1, a.blocking() || b.blocking()));
  }

  /** The findings in their fixed order, summaries included. */
  List<Finding> list() {
    List<Finding> all = new ArrayList<>(kept);
    for (Overflow o : overflow.values()) {
      String n = String.valueOf(o.count());
      all.add(
          new Finding(
              o.blocking() ? Severity.BLOCKING : Severity.WARNING,
              "more-findings",
              o.scope(),
              List.of(n, o.code()),
              n + " more findings " + o.code() + " at " + o.scope() + " are not listed."));
    }
    all.sort(Comparator.comparing(Finding::severity)); // stable: keeps the order found
    return List.copyOf(all);
  }
}
