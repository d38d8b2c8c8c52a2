package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;

/**
 * Mojibake whose declared charset does not fit the bytes (or that declares none) was made by the
 * mail software that wrote the message: the counterpart's, when the person received it; the
 * person's own, when they sent it. Without a direction the rule does not vote.
 */
final class CharsetMismatchRule implements PlaceRule {

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    if (evidence.charsetProblems().isEmpty()) {
      return Optional.empty();
    }
    Answers answers = evidence.answers();
    List<String> codes = List.of(String.join(", ", evidence.charsetProblems()));
    if (answers.is(Question.DIRECTION, "receive")) {
      return Optional.of(
          new PlaceVote(TroublePlace.SENDER_SIDE, "charset-mismatch", PlaceVote.ATTACHMENT, codes));
    }
    if (answers.is(Question.DIRECTION, "send") || answers.is(Question.DIRECTION, "both")) {
      return Optional.of(
          new PlaceVote(TroublePlace.CLIENT, "charset-mismatch-ours", PlaceVote.ATTACHMENT, codes));
    }
    return Optional.empty();
  }
}
