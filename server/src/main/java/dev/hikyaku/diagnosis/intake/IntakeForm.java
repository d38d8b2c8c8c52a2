package dev.hikyaku.diagnosis.intake;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The intake form as the page shows it: the kind, the questions of its checklist by section, what
 * was typed and chosen so far (kept when the filing is refused), and the errors per field.
 *
 * @param kind the chosen kind, or null before one is chosen
 * @param sections the kind's questions, by section
 * @param values what was typed or chosen, by question key (options joined by commas)
 * @param pastedHeaders the pasted header block
 * @param redaction what to mask
 * @param errors the translated errors, by form field ({@code q.<key>}, {@code kind}, {@code
 *     headers}, {@code logs})
 */
public record IntakeForm(
    TroubleKind kind,
    List<FormSection> sections,
    Map<String, String> values,
    String pastedHeaders,
    RedactionChoice redaction,
    Map<String, List<String>> errors) {

  /** The questions of one section. */
  public record FormSection(Question.Section section, List<Question> questions) {}

  /** The blank form for {@code kind} (null: the kind is still to be chosen). */
  static IntakeForm blank(TroubleKind kind) {
    return new IntakeForm(kind, sections(kind), Map.of(), "", RedactionChoice.defaults(), Map.of());
  }

  /** The form as posted, with {@code errors}. */
  static IntakeForm posted(
      TroubleKind kind,
      Map<String, List<String>> answers,
      String pastedHeaders,
      RedactionChoice redaction,
      Map<String, List<String>> errors) {
    Map<String, String> values = new LinkedHashMap<>();
    answers.forEach((key, given) -> values.put(key, String.join(",", given)));
    return new IntakeForm(kind, sections(kind), values, pastedHeaders, redaction, errors);
  }

  /** The answers among posted parameters: {@code q.<key>} fields, by question key. */
  static Map<String, List<String>> answers(MultiValueMap<String, String> params) {
    Map<String, List<String>> answers = new LinkedHashMap<>();
    params.forEach((name, values) -> {
      if (name.startsWith("q.")) {
        answers.put(name.substring(2), values);
      }
    });
    return answers;
  }

  /** Whether {@code option} is chosen for {@code question} (for checkboxes and selects). */
  public boolean chosen(Question question, String option) {
    String value = values.getOrDefault(question.key(), "");
    return Set.of(value.split(",")).contains(option);
  }

  /** What was typed for {@code question}. */
  public String value(Question question) {
    return values.getOrDefault(question.key(), "");
  }

  /** The errors of form field {@code field}. */
  public List<String> errorsOf(String field) {
    return errors.getOrDefault(field, List.of());
  }

  private static List<FormSection> sections(TroubleKind kind) {
    if (kind == null) {
      return List.of();
    }
    return Arrays.stream(Question.Section.values())
        .map(s -> new FormSection(s, Question.of(kind, s)))
        .filter(s -> !s.questions().isEmpty())
        .toList();
  }
}
