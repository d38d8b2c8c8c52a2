package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;

/**
 * A permanent failure about the recipient's address or mailbox (RFC 3463 §3.2 and §3.3: {@code
 * 5.1.x} bad address, unknown domain; {@code 5.2.x} mailbox full or disabled) points at the
 * address: the counterpart's, when we sent the mail; ours, when the person reports that mail to
 * them does not arrive (our server does not know the address).
 */
final class RecipientAddressRule implements PlaceRule {

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    List<String> codes =
        evidence.bounceCodes().stream()
            .filter(c -> c.startsWith("5.1.") || c.startsWith("5.2."))
            .distinct()
            .sorted()
            .toList();
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    boolean receiving = evidence.answers().is(Question.DIRECTION, "receive");
    return Optional.of(
        receiving
            ? new PlaceVote(
                TroublePlace.MAIL_SERVER,
                "recipient-address-ours",
                PlaceVote.ATTACHMENT,
                List.of(String.join(", ", codes)))
            : new PlaceVote(
                TroublePlace.SENDER_SIDE,
                "recipient-address",
                PlaceVote.ATTACHMENT,
                List.of(String.join(", ", codes))));
  }
}
