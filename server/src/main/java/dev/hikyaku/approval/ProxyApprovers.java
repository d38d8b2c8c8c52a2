package dev.hikyaku.approval;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.identity.users.UserService;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Proxies for absent approvers: who stands in for whom, and when. The approver names their own
 * proxy, an admin anyone's; the proxy needs an active account with two-step sign-in.
 */
@Service
public class ProxyApprovers {

  private final ApprovalRepository repository;
  private final UserService users;
  private final CurrentActor actor;
  private final Clock clock;

  ProxyApprovers(
      ApprovalRepository repository,
      @Lazy UserService users,
      @Lazy CurrentActor actor,
      Clock clock) {
    this.repository = repository;
    this.users = users;
    this.actor = actor;
    this.clock = clock;
  }

  /**
   * Names {@code proxy} to approve in {@code approver}'s place from {@code from} to {@code until}.
   * The approver may name their own proxy; an admin may name anyone's.
   */
  @Transactional(noRollbackFor = InvalidInputException.class)
  public Delegation delegate(
      String approver, String proxy, Instant from, Instant until, String reason) {
    SignedInUser person = Refusals.person(actor, "approval.delegate", "user:" + approver);
    if (!person.username().equals(approver) && !person.has(Role.ADMIN)) {
      throw Refusals.denied(
          actor,
          "approval.delegate",
          "user:" + approver,
          "delegation-not-allowed",
          "only the approver or an admin names a proxy");
    }
    User a = user(approver, "approver");
    User p = user(proxy, "proxy");
    if (!a.roles().contains(Role.APPROVER)) {
      throw new InvalidInputException(
          "approver", "delegation-not-approver", approver + " is not an approver", approver);
    }
    if (a.id() == p.id()) {
      throw new InvalidInputException("proxy", "delegation-self", "a proxy is someone else");
    }
    if (!p.enabled() || !p.mfaEnrolled()) {
      throw new InvalidInputException(
          "proxy",
          "delegation-proxy-mfa",
          "the proxy needs an active account with two-step sign-in",
          proxy);
    }
    if (until == null || from == null || !until.isAfter(from)) {
      throw new InvalidInputException(
          "validUntil", "delegation-period", "the period must end after it begins");
    }
    String why = TextRules.optionalLine("reason", reason, 500);
    long id =
        repository.insertDelegation(
            a.username(), p.username(), from, until, why, person.username(), clock.instant());
    actor.record(
        "approval.delegate",
        "user:" + a.username(),
        "",
        "proxy " + p.username() + " from " + from + " until " + until + " " + why);
    return repository.delegation(id).orElseThrow();
  }

  @Transactional(noRollbackFor = InvalidInputException.class)
  public void revokeDelegation(long id) {
    Delegation d =
        repository
            .delegation(id)
            .orElseThrow(
                () -> new InvalidInputException("id", "no-such-delegation", "no delegation " + id));
    SignedInUser person =
        Refusals.person(actor, "approval.delegate-revoke", "user:" + d.approver());
    if (!person.username().equals(d.approver()) && !person.has(Role.ADMIN)) {
      throw Refusals.denied(
          actor,
          "approval.delegate-revoke",
          "user:" + d.approver(),
          "delegation-not-allowed",
          "only the approver or an admin ends a delegation");
    }
    repository.revokeDelegation(id, clock.instant());
    actor.record("approval.delegate-revoke", "user:" + d.approver(), "proxy " + d.proxy(), "");
  }

  public List<Delegation> delegations() {
    return repository.delegations(false, clock.instant());
  }

  private User user(String username, String field) {
    return users
        .byUsername(username == null ? "" : username.strip())
        .orElseThrow(() ->
            new InvalidInputException(field, "no-such-user", "no user " + username, username));
  }
}
