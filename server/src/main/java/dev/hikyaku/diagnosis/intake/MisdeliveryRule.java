package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;

/**
 * A message sent to the wrong people is a human error at the sending terminal (seed 000: 人的な誤送信,
 * prevented by confirmation in the mail software and by the server's sending filter).
 */
final class MisdeliveryRule implements PlaceRule {

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    return evidence.answers().is(Question.DAMAGE, "misdelivery")
        ? Optional.of(
            new PlaceVote(TroublePlace.CLIENT, "misdelivery", PlaceVote.ANSWER, List.of()))
        : Optional.empty();
  }
}
