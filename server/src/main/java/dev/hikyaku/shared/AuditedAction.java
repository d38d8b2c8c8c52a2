package dev.hikyaku.shared;

import java.util.Objects;

/**
 * A state-changing (or security-relevant) action that the operation log must record. Modules
 * publish it as an application event; the audit module appends it, in the publisher's transaction
 * when there is one, so an action and its log entry commit or roll back together.
 *
 * @param actor who did it
 * @param sourceIp the client address as resolved under the trusted-proxy rules; empty for the CLI
 * @param action a dotted verb such as {@code user.create} or {@code login.failure}
 * @param target what it was done to, e.g. {@code user:tanaka}; may be empty
 * @param outcome whether it took effect
 * @param before a short summary of the state before; may be empty
 * @param after a short summary of the state after, or the reason for a denial; may be empty
 */
public record AuditedAction(
    Actor actor,
    String sourceIp,
    String action,
    String target,
    Outcome outcome,
    String before,
    String after) {

  /** Whether the action took effect. */
  public enum Outcome {
    SUCCESS,
    DENIED,
    FAILURE
  }

  public AuditedAction {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(outcome, "outcome");
    sourceIp = sourceIp == null ? "" : sourceIp;
    target = target == null ? "" : target;
    before = before == null ? "" : before;
    after = after == null ? "" : after;
  }

  public static AuditedAction success(Actor actor, String ip, String action, String target) {
    return new AuditedAction(actor, ip, action, target, Outcome.SUCCESS, "", "");
  }

  public AuditedAction withChange(String before, String after) {
    return new AuditedAction(actor, sourceIp, action, target, outcome, before, after);
  }
}
