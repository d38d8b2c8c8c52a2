package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnosis.intake.IntakeInputException.Problem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks what a person typed and chose against the checklist of the kind they picked, and reports
 * every problem at once. The console's form posts {@code q.<key>} fields; the API posts the keys
 * themselves and is told about keys it got wrong, where the form's leftovers are ignored.
 */
final class AnswersReader {

  private AnswersReader() {}

  /**
   * The answers in {@code raw} (question key to the values given), or every problem with them.
   *
   * @param strict whether keys of no question, or of the other kind's questions, are errors
   */
  static Answers read(TroubleKind kind, Map<String, List<String>> raw, boolean strict) {
    List<Problem> problems = new ArrayList<>();
    Map<Question, String> values = new EnumMap<>(Question.class);
    for (Map.Entry<String, List<String>> entry : raw.entrySet()) {
      var question = Question.byKey(entry.getKey()).filter(q -> q.asks(kind));
      if (question.isEmpty()) {
        if (strict) {
          problems.add(
              new Problem(
                  "q." + entry.getKey(),
                  "intake.question-unknown",
                  List.of(entry.getKey()),
                  "no question " + entry.getKey() + " for " + kind.key()));
        }
        continue;
      }
      String value = value(question.get(), entry.getValue(), problems);
      if (!value.isEmpty()) {
        values.put(question.get(), value);
      }
    }
    for (Question q : Question.values()) {
      String field = "q." + q.key();
      boolean reported = problems.stream().anyMatch(p -> p.field().equals(field));
      if (q.asks(kind) && q.required() && !values.containsKey(q) && !reported) {
        problems.add(
            new Problem(field, "intake.required", List.of(q.key()), q.key() + " is required"));
      }
    }
    if (!problems.isEmpty()) {
      throw new IntakeInputException(problems);
    }
    return new Answers(kind, values);
  }

  private static String value(Question q, List<String> given, List<Problem> problems) {
    String field = "q." + q.key();
    if (q.chosen()) {
      Set<String> chosen = new LinkedHashSet<>();
      for (String v : given) {
        String option = v == null ? "" : v.strip();
        if (option.isEmpty()) {
          continue;
        }
        if (!q.options().contains(option)) {
          problems.add(
              new Problem(
                  field,
                  "intake.option-unknown",
                  List.of(option),
                  option + " is not an option of " + q.key()));
          return "";
        }
        chosen.add(option);
      }
      if (q.input() == Question.Input.CHOICE && chosen.size() > 1) {
        problems.add(new Problem(field, "intake.one-option", q.key() + " takes one option"));
        return "";
      }
      // In the checklist's order, whatever order they came in.
      return String.join(",", q.options().stream().filter(chosen::contains).toList());
    }
    String text =
        String.join("\n", given.stream().filter(v -> v != null).toList())
            .replace("\r\n", "\n")
            .replace('\r', '\n')
            .strip();
    int max = q.input() == Question.Input.LINE ? Question.MAX_LINE : Question.MAX_TEXT;
    if (text.codePointCount(0, text.length()) > max) {
      problems.add(
          new Problem(
              field,
              "intake.too-long",
              List.of(Integer.toString(max)),
              q.key() + " is longer than " + max + " characters"));
      return "";
    }
    boolean multiline = q.input() == Question.Input.TEXT;
    if (text.codePoints()
        .anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\t')))) {
      problems.add(
          new Problem(
              field,
              multiline ? "intake.control-character" : "intake.line-break",
              q.key() + (multiline ? " contains a control character" : " must be one line")));
      return "";
    }
    return text;
  }
}
