package dev.hikyaku.identity.security;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.IdentityProperties;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.identity.users.UserRepository;
import dev.hikyaku.shared.Actor;
import dev.hikyaku.shared.AuditedAction;
import dev.hikyaku.shared.AuditedAction.Outcome;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts failed sign-in steps (passwords and second-factor codes alike), locks the account after
 * {@code maxFailedLogins} in a row, and logs every attempt.
 */
@Component
public class LoginAttempts {

  private final UserRepository users;
  private final IdentityProperties properties;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final CurrentActor current;

  LoginAttempts(
      UserRepository users,
      IdentityProperties properties,
      Clock clock,
      ApplicationEventPublisher events,
      CurrentActor current) {
    this.users = users;
    this.properties = properties;
    this.clock = clock;
    this.events = events;
    this.current = current;
  }

  /** Records a failure; returns the lock end if this failure locked the account. */
  @Transactional
  public Instant failed(User user, String step) {
    Instant now = clock.instant();
    Instant until = now.plus(properties.lockDuration());
    int failures = users.recordFailure(user.id(), properties.maxFailedLogins(), until, now);
    boolean locked = failures >= properties.maxFailedLogins();
    log(
        Actor.user(user.username()),
        locked ? "login.lockout" : "login.failure",
        locked ? Outcome.DENIED : Outcome.FAILURE,
        step + " wrong; failures=" + failures + (locked ? "; locked until " + until : ""));
    return locked ? until : null;
  }

  public void unknownUser(String claimed) {
    log(Actor.anonymous(claimed), "login.failure", Outcome.FAILURE, "unknown user or no password");
  }

  public void refusedLocked(User user) {
    log(
        Actor.user(user.username()),
        "login.locked",
        Outcome.DENIED,
        "attempt while locked until " + user.lockedUntil());
  }

  public void refusedDisabled(User user) {
    log(Actor.user(user.username()), "login.disabled", Outcome.DENIED, "account disabled");
  }

  public void passwordVerified(User user) {
    log(Actor.user(user.username()), "login.password", Outcome.SUCCESS, "second factor due");
  }

  @Transactional
  public void succeeded(User user, String how) {
    users.clearFailures(user.id(), clock.instant());
    log(Actor.user(user.username()), "login.success", Outcome.SUCCESS, how);
  }

  private void log(Actor actor, String action, Outcome outcome, String detail) {
    events.publishEvent(
        new AuditedAction(actor, current.ip(), action, "session", outcome, "", detail));
  }
}
