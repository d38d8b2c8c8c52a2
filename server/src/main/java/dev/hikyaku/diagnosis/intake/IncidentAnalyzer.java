package dev.hikyaku.diagnosis.intake;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns a checked filing into its incident report: the attached message and logs through the
 * diagnose library, the evidence through the place rules, and the whole through the redaction the
 * person chose.
 */
@Component
class IncidentAnalyzer {

  /** At most this many findings are kept, the most severe first. */
  static final int MAX_FINDINGS = 300;

  private static final Map<String, Integer> SEVERITY_ORDER =
      Map.of("PROBLEM", 0, "WARNING", 1, "INFO", 2);

  private final Clock clock;

  IncidentAnalyzer(Clock clock) {
    this.clock = clock;
  }

  /**
   * The redacted report. {@code head} is the start of {@code message} that {@link
   * MessageHead#check} accepted; both are null when no message was attached.
   */
  IncidentReport analyze(
      Answers answers, Upload message, byte[] head, List<Upload> logs, RedactionChoice choice) {
    MessageFacts facts =
        message == null ? MessageFacts.NONE : new MessageAnalysis(clock).analyze(message, head);
    Set<String> targets = new LinkedHashSet<>(answers.traceTargets());
    targets.addAll(facts.traceTargets());
    List<String> limited = targets.stream().limit(TraceTargets.MAX).toList();
    LogFacts log = new LogAnalysis(clock, ZoneId.systemDefault()).analyze(logs, limited);
    List<String> bounceCodes = new ArrayList<>(facts.bounceCodes());
    bounceCodes.addAll(log.bounceCodes());
    Evidence evidence =
        new Evidence(
            answers,
            bounceCodes,
            log.section().tlsFailures(),
            log.section().dnsFailures(),
            facts.internalDelaySeconds(),
            facts.internalDelayHop(),
            facts.charsetProblems());
    PlaceVerdict place = PlaceOfTrouble.standard().decide(evidence);
    List<ReportFinding> findings = new ArrayList<>(facts.findings());
    findings.addAll(log.findings());
    List<ReportFinding> ranked =
        findings.stream()
            .sorted(Comparator.comparingInt(f -> SEVERITY_ORDER.getOrDefault(f.severity(), 3)))
            .limit(MAX_FINDINGS)
            .toList();
    IncidentReport report =
        new IncidentReport(
            answers.kind(),
            answers.byKey(),
            facts.section(),
            log.section(),
            ranked,
            place,
            new RedactionNote(false, false, false, false, List.of(), Map.of()));
    return ReportRedactor.redact(report, choice);
  }
}
