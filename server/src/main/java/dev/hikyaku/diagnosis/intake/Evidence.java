package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Objects;

/**
 * What the place rules look at: the answers, and the facts the analyzers established from the
 * attachments, already reduced to what the rules need.
 *
 * @param answers the checklist's answers
 * @param bounceCodes the enhanced status codes of failed recipients: in the attached delivery
 *     report and in the log traces of the messages the person named (such as {@code 5.1.1})
 * @param tlsFailures TLS failures of our MTA's outbound connections in the logs
 * @param dnsFailures temporary DNS failures of our MTA's deliveries in the logs
 * @param internalDelaySeconds the longest delay at a hop up to and including the first one outside
 *     the sender's organisation, 0 if none is known
 * @param internalDelayHop the number of that hop, 0 if none
 * @param charsetProblems the codes of encoding findings where the declared charset does not fit the
 *     bytes (or none was declared)
 */
public record Evidence(
    Answers answers,
    List<String> bounceCodes,
    long tlsFailures,
    long dnsFailures,
    long internalDelaySeconds,
    int internalDelayHop,
    List<String> charsetProblems) {

  public Evidence {
    Objects.requireNonNull(answers, "answers");
    bounceCodes = List.copyOf(bounceCodes);
    charsetProblems = List.copyOf(charsetProblems);
    if (tlsFailures < 0 || dnsFailures < 0 || internalDelaySeconds < 0 || internalDelayHop < 0) {
      throw new IllegalArgumentException("counts and delays cannot be negative");
    }
  }

  /** Evidence from the answers alone: nothing was attached or nothing was found. */
  public static Evidence answersOnly(Answers answers) {
    return new Evidence(answers, List.of(), 0, 0, 0, 0, List.of());
  }

  /** The trouble's kind. */
  public TroubleKind kind() {
    return answers.kind();
  }
}
