package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;

/**
 * A permanent refusal on security or policy grounds (RFC 3463 §3.8: {@code 5.7.x}: spam,
 * blocklists, SPF, DKIM or DMARC failures) points at the sending mail server: its reputation, its
 * authentication records or its content filter are what the receiver objected to, not the address.
 */
final class PolicyRefusalRule implements PlaceRule {

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    List<String> codes =
        evidence.bounceCodes().stream()
            .filter(c -> c.startsWith("5.7."))
            .distinct()
            .sorted()
            .toList();
    if (codes.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new PlaceVote(
            TroublePlace.MAIL_SERVER,
            "policy-refusal",
            PlaceVote.ATTACHMENT,
            List.of(String.join(", ", codes))));
  }
}
