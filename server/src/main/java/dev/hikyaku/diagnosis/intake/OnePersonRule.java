package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Trouble confined to one person points at their terminal and mail software, where seed 000 says
 * trouble happens most ("[4] is where mail trouble is most frequent"): one account failing with
 * every counterpart; or a security incident of one person's PC that came in by mail, a web page, a
 * USB stick or an installed program.
 */
final class OnePersonRule implements PlaceRule {

  private static final Set<String> TERMINAL_CAUSES =
      Set.of("mail-received", "web-access", "usb", "software-install");

  @Override
  public Optional<PlaceVote> vote(Evidence evidence) {
    Answers a = evidence.answers();
    boolean onePerson =
        switch (evidence.kind()) {
          case NON_DELIVERY ->
              a.is(Question.SCOPE, "one-account") && a.is(Question.COUNTERPART, "all");
          case SECURITY_INCIDENT ->
              a.is(Question.SCALE, "one-person")
                  && !a.is(Question.AFFECTED, "server")
                  && a.chosen(Question.CAUSE).stream().anyMatch(TERMINAL_CAUSES::contains);
        };
    return onePerson
        ? Optional.of(new PlaceVote(TroublePlace.CLIENT, "one-person", PlaceVote.ANSWER, List.of()))
        : Optional.empty();
  }
}
