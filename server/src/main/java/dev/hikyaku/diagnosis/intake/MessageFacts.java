package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Objects;

/**
 * What the analysis of the attached message gives the report and the place rules.
 *
 * @param section the report's section
 * @param findings the findings of the header, authentication, bounce and encoding analyses
 * @param bounceCodes the status codes of the failed recipients, if it is a delivery report
 * @param internalDelaySeconds the longest delay up to the first external hop, 0 if unknown
 * @param internalDelayHop that hop's number, 0 if none
 * @param charsetProblems encoding finding codes of a declared charset that does not fit
 * @param traceTargets what the logs should be searched for: its Message-ID, and for a bounce the
 *     failed recipients and the returned message's Message-ID
 */
record MessageFacts(
    MessageSection section,
    List<ReportFinding> findings,
    List<String> bounceCodes,
    long internalDelaySeconds,
    int internalDelayHop,
    List<String> charsetProblems,
    List<String> traceTargets) {

  static final MessageFacts NONE =
      new MessageFacts(MessageSection.NONE, List.of(), List.of(), 0, 0, List.of(), List.of());

  MessageFacts {
    Objects.requireNonNull(section, "section");
    findings = List.copyOf(findings);
    bounceCodes = List.copyOf(bounceCodes);
    charsetProblems = List.copyOf(charsetProblems);
    traceTargets = List.copyOf(traceTargets);
  }
}
