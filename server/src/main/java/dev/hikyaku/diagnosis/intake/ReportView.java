package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Map;

/**
 * An incident report in one language, as the console shows it and the JSON and Markdown exports
 * carry it: every code with its label beside it, the analyzers' data as they gave it.
 *
 * @param id the report's number
 * @param lang {@code ja} or {@code en}
 * @param kind the kind's code and label
 * @param summary the one-line summary
 * @param author the filer's username
 * @param filedAt when it was filed, ISO 8601
 * @param place the likely place, its label, its explanation and the votes
 * @param answers the answers by section
 * @param findings every finding with its title
 * @param message what was found in the attached message
 * @param logs what was found in the attached logs
 * @param redaction what was masked, in words
 */
public record ReportView(
    long id,
    String lang,
    Labeled kind,
    String summary,
    String author,
    String filedAt,
    PlaceView place,
    List<AnswerGroup> answers,
    List<FindingView> findings,
    MessageSection message,
    LogSection logs,
    RedactionView redaction) {

  /** A code and its label in the report's language. */
  public record Labeled(String code, String label) {}

  /** The likely place and why. */
  public record PlaceView(String code, String label, String explanation, List<VoteView> votes) {}

  /** One rule's vote in words. */
  public record VoteView(String rule, String place, int weight, String text) {}

  /** The answers of one section of the checklist. */
  public record AnswerGroup(String section, String title, List<AnswerView> answers) {}

  /** One answer: the question, and the answer in words (options by their labels). */
  public record AnswerView(String key, String question, String value, String text) {}

  /** One finding: its code's title in the report's language and the analyzer's words. */
  public record FindingView(
      String source, String severity, String code, String title, String detail, String where) {}

  /** What was masked, and a sentence saying so. */
  public record RedactionView(boolean applied, String text, Map<String, Integer> masked) {}
}
