package dev.hikyaku.approval.checks;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Personal data found in one attachment or body part: distinct values per kind, which decide the
 * severity against the policy's thresholds, and the places each kind was found, which become the
 * findings.
 */
final class Tally {

  private final CheckPolicy policy;
  private final boolean inBody;
  private final Map<DataKind, Set<String>> distinct = new EnumMap<>(DataKind.class);
  private final Map<DataKind, Map<String, Integer>> places = new EnumMap<>(DataKind.class);

  Tally(CheckPolicy policy, boolean inBody) {
    this.policy = policy;
    this.inBody = inBody;
  }

  /** Counts one value; past the blocking threshold more distinct values change nothing. */
  void value(DataKind kind, String value) {
    Set<String> values = distinct.computeIfAbsent(kind, k -> new HashSet<>());
    if (values.size() < cap(kind)) {
      values.add(value);
    }
  }

  /** Records that {@code count} values (or rows holding one) of {@code kind} are at a place. */
  void place(DataKind kind, String location, int count) {
    places.computeIfAbsent(kind, k -> new LinkedHashMap<>()).merge(location, count, Integer::sum);
  }

  /** Adds a finding per kind and place for the kinds frequent enough to mention. */
  void emit(Findings findings, String scope) {
    for (var entry : places.entrySet()) {
      DataKind kind = entry.getKey();
      int count = distinct.getOrDefault(kind, Set.of()).size();
      Optional<Severity> severity = policy.severity(kind, count, inBody);
      if (severity.isEmpty()) {
        continue;
      }
      String code = inBody ? kind.contentCode() : kind.attachmentCode();
      for (var place : entry.getValue().entrySet()) {
        String n = String.valueOf(place.getValue());
        findings.add(
            scope,
            new Finding(
                severity.get(),
                code,
                place.getKey(),
                List.of(n),
                "Found " + n + " " + kind.englishPlural() + " at " + place.getKey() + "."));
      }
    }
  }

  private int cap(DataKind kind) {
    return switch (kind) {
      case ADDRESS -> Math.max(policy.fileAddressesBlockingAt(), policy.bodyAddressesBlockingAt());
      case PHONE_NUMBER -> policy.phoneNumbersBlockingAt();
      case MY_NUMBER -> policy.myNumbersBlockingAt();
      case CARD_NUMBER -> policy.cardNumbersBlockingAt();
    };
  }
}
