package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;

/**
 * Non-delivery for the whole company or domain points at the mail server: seed 000 says trouble
 * there reaches every account, while the internal network rarely causes trouble on its own.
 */
final class WholeCompanyRule implements PlaceRule {

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    return evidence.kind() == TroubleKind.NON_DELIVERY
            && evidence.answers().is(Question.SCOPE, "company")
        ? Optional.of(
            new PlaceVote(TroublePlace.MAIL_SERVER, "whole-company", PlaceVote.ANSWER, List.of()))
        : Optional.empty();
  }
}
