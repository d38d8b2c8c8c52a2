package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;

/**
 * A security incident that reached the server, or that abused it to relay spam (踏み台), points at the
 * mail server and its settings.
 */
final class ServerAffectedRule implements PlaceRule {

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    Answers a = evidence.answers();
    return a.is(Question.AFFECTED, "server") || a.is(Question.DAMAGE, "spam-relay")
        ? Optional.of(
            new PlaceVote(TroublePlace.MAIL_SERVER, "server-affected", PlaceVote.ANSWER, List.of()))
        : Optional.empty();
  }
}
