package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Objects;

/**
 * What the analysis of the attached logs gives the report and the place rules.
 *
 * @param section the report's section
 * @param findings the findings about the logs
 * @param bounceCodes the status codes of the bounced recipients of the traced messages
 */
record LogFacts(LogSection section, List<ReportFinding> findings, List<String> bounceCodes) {

  static final LogFacts NONE = new LogFacts(LogSection.NONE, List.of(), List.of());

  LogFacts {
    Objects.requireNonNull(section, "section");
    findings = List.copyOf(findings);
    bounceCodes = List.copyOf(bounceCodes);
  }
}
