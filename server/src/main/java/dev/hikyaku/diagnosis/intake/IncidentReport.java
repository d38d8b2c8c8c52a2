package dev.hikyaku.diagnosis.intake;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An incident report: the checklist's answers, what the analyzers found in the attachments, the
 * likely place of the trouble with its reasoning, and the redaction applied. This is what is stored
 * and exported; it holds no raw upload beyond the header block and the traces it shows.
 *
 * @param kind the kind of trouble
 * @param answers the answers by question key, in the checklist's order
 * @param message what was found in the attached message
 * @param logs what was found in the attached logs
 * @param findings every analyzer's findings, problems first
 * @param place the likely place of the trouble
 * @param redaction what was masked
 */
public record IncidentReport(
    TroubleKind kind,
    Map<String, String> answers,
    MessageSection message,
    LogSection logs,
    List<ReportFinding> findings,
    PlaceVerdict place,
    RedactionNote redaction) {

  public IncidentReport {
    Objects.requireNonNull(kind, "kind");
    answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(logs, "logs");
    findings = List.copyOf(findings);
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(redaction, "redaction");
  }

  /** The one-line summary the person gave. */
  public String summary() {
    return answers.getOrDefault(Question.SUMMARY.key(), "");
  }

  /**
   * The same report with every free text (answers, hosts, addresses, replies, findings) passed
   * through {@code f}; codes, counts and times stay.
   */
  IncidentReport map(TextMapper f) {
    Map<String, String> mapped = new LinkedHashMap<>();
    answers.forEach((k, v) -> mapped.put(k, isChoice(k) ? v : f.apply(v)));
    return new IncidentReport(
        kind,
        mapped,
        message.map(f),
        logs.map(f),
        findings.stream().map(x -> x.map(f)).toList(),
        place.map(f),
        redaction);
  }

  /** The same report with another message section. */
  IncidentReport withMessage(MessageSection section) {
    return new IncidentReport(kind, answers, section, logs, findings, place, redaction);
  }

  /** The same report with another redaction note. */
  IncidentReport withRedaction(RedactionNote note) {
    return new IncidentReport(kind, answers, message, logs, findings, place, note);
  }

  private static boolean isChoice(String key) {
    return Question.byKey(key).map(Question::chosen).orElse(false);
  }
}
