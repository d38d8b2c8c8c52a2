package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Objects;

/**
 * One rule's vote for a place, with its weight and what it saw.
 *
 * @param place the place voted for, never {@link TroublePlace#UNDETERMINED}
 * @param rule the rule's code; {@code intake.rule.<rule>} in the bundles explains the vote with
 *     {@code args}
 * @param weight {@link #ATTACHMENT} for a fact found in the headers or logs, {@link #ANSWER} for
 *     what the person answered
 * @param args what the rule saw (codes, counts, hop numbers), for the explanation
 */
public record PlaceVote(TroublePlace place, String rule, int weight, List<String> args) {

  /** The weight of a fact the analyzers established. */
  public static final int ATTACHMENT = 2;

  /** The weight of an answer alone. */
  public static final int ANSWER = 1;

  public PlaceVote {
    Objects.requireNonNull(place, "place");
    Objects.requireNonNull(rule, "rule");
    args = List.copyOf(args);
    if (place == TroublePlace.UNDETERMINED) {
      throw new IllegalArgumentException("a vote names a place");
    }
    if (weight != ATTACHMENT && weight != ANSWER) {
      throw new IllegalArgumentException("a vote weighs " + ANSWER + " or " + ATTACHMENT);
    }
  }
}
