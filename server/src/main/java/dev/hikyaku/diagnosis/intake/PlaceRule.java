package dev.hikyaku.diagnosis.intake;

import java.util.Optional;

/**
 * One documented rule of {@link PlaceOfTrouble}: from the evidence, a vote for one of seed 000's
 * four places, or nothing. Rules never look at each other; the verdict adds their votes up.
 */
interface PlaceRule {

  /** This rule's vote, or empty when the evidence says nothing to it. */
  Optional<PlaceVote> vote(Evidence evidence);
}
