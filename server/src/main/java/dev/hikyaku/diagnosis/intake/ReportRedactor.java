package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.redaction.HeaderRedactor;
import dev.hikyaku.diagnose.redaction.Redaction;
import dev.hikyaku.diagnose.redaction.Redaction.Kind;
import dev.hikyaku.diagnose.redaction.Redaction.Replacement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Masks a report with {@code diagnose.redaction}, consistently across all of it: the header block
 * and every other text of the report (answers, hops, delivery reports, findings, log traces) go
 * through one {@link HeaderRedactor} run, the header block as headers and the rest as the body
 * after it, so that one address is one token everywhere; the header block keeps the redactor's own
 * output and the other texts get the same replacements. The decoded Subject is masked with the raw
 * one. The mapping from originals to tokens is never kept.
 */
final class ReportRedactor {

  private ReportRedactor() {}

  static IncidentReport redact(IncidentReport report, RedactionChoice choice) {
    if (!choice.any()) {
      return report.withRedaction(note(choice, List.of()));
    }
    String header = report.message().headerBlock();
    List<String> texts = new ArrayList<>();
    report.map(
        new TextMapper() {
          @Override
          public String apply(String t) {
            if (!t.isEmpty() && !t.equals(header)) {
              texts.add(t);
            }
            return t;
          }

          @Override
          public String messageId(String id) {
            // Not scanned as text, where its local part would be taken for an address.
            return id;
          }
        });
    String block = crlf(header);
    Redaction redaction =
        new HeaderRedactor(choice.options()).redact(block + "\r\n" + String.join("\r\n", texts));
    List<Replacement> replacements = new ArrayList<>(redaction.replacements());
    String subject = report.message().subject();
    if (choice.subject() && !subject.isBlank()) {
      replacements.add(new Replacement(Kind.SUBJECT, subject, "[subject redacted]"));
    }
    Substitution substitution = new Substitution(replacements);
    String redactedHeader = headerPart(redaction.text(), block.length()).replace("\r\n", "\n");
    IncidentReport masked = report.map(substitution);
    return masked
        .withMessage(masked.message().withHeaderBlock(redactedHeader))
        .withRedaction(note(choice, replacements));
  }

  /** The header block with CRLF line ends and no empty line, so the body starts after it. */
  private static String crlf(String header) {
    StringBuilder out = new StringBuilder();
    header.lines().filter(l -> !l.isBlank()).forEach(l -> out.append(l).append("\r\n"));
    return out.toString();
  }

  /** The redacted header part: everything before the first empty line. */
  private static String headerPart(String redacted, int originalLength) {
    if (originalLength == 0) {
      return "";
    }
    int end = redacted.indexOf("\r\n\r\n");
    return end < 0 ? redacted : redacted.substring(0, end + 2);
  }

  private static RedactionNote note(RedactionChoice choice, List<Replacement> replacements) {
    // Distinct tokens per kind: the raw and the decoded Subject are one subject.
    Map<String, Set<String>> tokens = new TreeMap<>();
    replacements.forEach(
        r -> tokens.computeIfAbsent(r.kind().name(), k -> new HashSet<>()).add(r.token()));
    Map<String, Integer> masked = new TreeMap<>();
    tokens.forEach((kind, set) -> masked.put(kind, set.size()));
    return new RedactionNote(
        choice.addresses(),
        choice.names(),
        choice.subject(),
        choice.ipAddresses(),
        choice.keptDomains(),
        masked);
  }
}
