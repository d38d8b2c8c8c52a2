package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;

/**
 * Non-delivery with one counterpart only, while the rest of the company's mail flows, points at
 * that counterpart's side: their address, their server or their filters.
 */
final class OneCounterpartRule implements PlaceRule {

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    Answers a = evidence.answers();
    return evidence.kind() == TroubleKind.NON_DELIVERY
            && a.is(Question.COUNTERPART, "one")
            && !a.is(Question.SCOPE, "company")
        ? Optional.of(
            new PlaceVote(TroublePlace.SENDER_SIDE, "one-counterpart", PlaceVote.ANSWER, List.of()))
        : Optional.empty();
  }
}
