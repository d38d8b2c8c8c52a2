package dev.hikyaku.delivery.inbound;

import java.util.List;
import java.util.Objects;

/**
 * What {@link TriageReports} made of one received message: the verdict, a one-line summary for
 * operators, and the effects on the delivery.
 */
record Triage(Verdict verdict, String summary, List<IntakeEffect> effects) {

  /** The longest summary kept (the column's width). */
  static final int MAX_SUMMARY = 1000;

  Triage {
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(summary, "summary");
    summary = summary.replaceAll("[\\r\\n\\t]+", " ").strip();
    if (summary.length() > MAX_SUMMARY) {
      summary = summary.substring(0, MAX_SUMMARY);
    }
    effects = List.copyOf(effects);
  }
}
