package dev.hikyaku.diagnosis.intake;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The answers to one checklist, checked: only questions the kind asks, options among the offered
 * ones (several joined by commas), text within its limits. Unanswered questions are absent.
 */
public record Answers(TroubleKind kind, Map<Question, String> values) {

  public Answers {
    Objects.requireNonNull(kind, "kind");
    values = values.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(values));
    for (Map.Entry<Question, String> e : values.entrySet()) {
      if (!e.getKey().asks(kind)) {
        throw new IllegalArgumentException(e.getKey() + " is not asked for " + kind);
      }
      if (e.getValue().isBlank()) {
        throw new IllegalArgumentException("an answer is never blank: " + e.getKey());
      }
    }
  }

  /** The answer to {@code question}, or "" if there is none. */
  public String get(Question question) {
    return values.getOrDefault(question, "");
  }

  /** The options chosen for {@code question}. */
  public Set<String> chosen(Question question) {
    String value = get(question);
    return value.isEmpty() ? Set.of() : Set.of(value.split(","));
  }

  /** Whether {@code option} was chosen for {@code question}. */
  public boolean is(Question question, String option) {
    return chosen(question).contains(option);
  }

  /** The answers in the checklist's order, by question key, as stored and exported. */
  public Map<String, String> byKey() {
    Map<String, String> out = new LinkedHashMap<>();
    Arrays.stream(Question.values())
        .filter(values::containsKey)
        .forEach(q -> out.put(q.key(), values.get(q)));
    return out;
  }

  /** The lines of the trace question: addresses, Message-IDs and queue IDs to follow. */
  public List<String> traceTargets() {
    return get(Question.TRACE).lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
