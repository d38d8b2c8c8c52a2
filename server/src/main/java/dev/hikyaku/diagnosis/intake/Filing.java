package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One filing as the console or the API hands it over, unchecked.
 *
 * @param kind the kind of trouble as written
 * @param answers the values given per question key
 * @param strict whether unknown question keys are errors (the API) or ignored (the form)
 * @param message the uploaded message (.eml), or null
 * @param pastedHeaders headers pasted as text, or ""
 * @param logs the uploaded logs
 * @param redaction what to mask
 */
record Filing(
    String kind,
    Map<String, List<String>> answers,
    boolean strict,
    Upload message,
    String pastedHeaders,
    List<Upload> logs,
    RedactionChoice redaction) {

  Filing {
    kind = kind == null ? "" : kind;
    answers = Map.copyOf(answers);
    pastedHeaders = pastedHeaders == null ? "" : pastedHeaders;
    logs = List.copyOf(logs);
    Objects.requireNonNull(redaction, "redaction");
  }
}
