package dev.hikyaku.approval;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.shared.InvalidInputException;

/** The person acting, and refusals written to the operation log before they are thrown. */
final class Refusals {

  private Refusals() {}

  /** The person acting; the system, the CLI and anonymous callers are refused. */
  static SignedInUser person(CurrentActor actor, String action, String target) {
    return actor
        .person()
        .orElseThrow(() ->
            denied(actor, action, target, "approval-person-required", "only a person can do this"));
  }

  /** Logs {@code action} on {@code target} as DENIED and returns the error to throw. */
  static InvalidInputException denied(
      CurrentActor actor,
      String action,
      String target,
      String code,
      String message,
      Object... args) {
    actor.recordDenied(action, target, message);
    return new InvalidInputException("id", code, message, args);
  }
}
