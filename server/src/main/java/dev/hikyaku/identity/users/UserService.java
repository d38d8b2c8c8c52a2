package dev.hikyaku.identity.users;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.tokens.ApiTokenService;
import dev.hikyaku.shared.EmailAddress;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.time.Clock;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Account administration. Every change is validated whole before anything is written, runs in one
 * transaction with its audit entry, and keeps at least one enabled administrator.
 */
@Service
public class UserService {

  /** What an admin types to create an account. */
  public record NewUser(
      String username, String displayName, String email, Collection<String> roles) {}

  /** An account just created, with the one-time link the person uses to choose a password. */
  public record Created(User user, String setupUrl) {}

  private final UserRepository users;
  private final SetupLinks links;
  private final ApiTokenService tokens;
  private final CurrentActor actor;
  private final Clock clock;
  private final PasswordEncoder encoder;

  UserService(
      UserRepository users,
      SetupLinks links,
      ApiTokenService tokens,
      CurrentActor actor,
      Clock clock,
      PasswordEncoder encoder) {
    this.users = users;
    this.links = links;
    this.tokens = tokens;
    this.actor = actor;
    this.clock = clock;
    this.encoder = encoder;
  }

  /** A person changes their own password: the current one proves it is them. */
  @Transactional
  public void changeOwnPassword(long id, String current, String password, String confirmation) {
    User user = get(id);
    if (current == null || !encoder.matches(current, user.passwordHash())) {
      throw new InvalidInputException(
          "current", "password-current", "the current password is wrong");
    }
    PasswordPolicy.check(password, confirmation, user.username());
    users.setPassword(id, encoder.encode(password), clock.instant());
    actor.record("user.password-change", "user:" + user.username(), "", "password changed");
  }

  public List<User> all() {
    return users.findAll();
  }

  public java.util.Optional<User> byUsername(String username) {
    return users.findByUsername(username);
  }

  public User get(long id) {
    return users
        .findById(id)
        .orElseThrow(() -> new InvalidInputException("id", "no-such-user", "no user " + id));
  }

  @Transactional
  public Created create(NewUser input) {
    String username = Usernames.check(input.username());
    String displayName = TextRules.requireLine("displayName", input.displayName(), 128);
    String email = email(input.email());
    Set<Role> roles = roles(input.roles());
    if (users.findByUsername(username).isPresent()) {
      throw new InvalidInputException("username", "username-taken", username + " already exists");
    }
    long id = users.insert(username, displayName, email, clock.instant());
    users.setRoles(id, roles);
    User created = get(id);
    actor.record("user.create", "user:" + username, "", created.summary());
    return new Created(created, links.url(links.issueFor(id)));
  }

  @Transactional
  public User update(long id, String displayName, String email, Collection<String> roleNames) {
    User before = get(id);
    String name = TextRules.requireLine("displayName", displayName, 128);
    String mail = email(email);
    Set<Role> roles = roles(roleNames);
    if (!roles.contains(Role.ADMIN) && before.roles().contains(Role.ADMIN)) {
      requireAnotherAdmin(before);
    }
    users.updateProfile(id, name, mail, clock.instant());
    users.setRoles(id, roles);
    if (!roles.equals(before.roles())) {
      // New roles take effect at the next sign-in: end the current sessions now.
      users.endSessions(id, clock.instant());
    }
    User after = get(id);
    actor.record("user.update", "user:" + before.username(), before.summary(), after.summary());
    return after;
  }

  /** Applies the given changes together (null leaves a field as it is), all or nothing. */
  @Transactional
  public User patch(
      long id, String displayName, String email, Collection<String> roleNames, Boolean enabled) {
    User current = get(id);
    if (displayName != null || email != null || roleNames != null) {
      update(
          id,
          displayName != null ? displayName : current.displayName(),
          email != null ? email : current.email(),
          roleNames != null ? roleNames : current.roles().stream().map(Enum::name).toList());
    }
    if (enabled != null && enabled != current.enabled()) {
      return enabled ? enable(id) : disable(id);
    }
    return get(id);
  }

  @Transactional
  public User disable(long id) {
    User before = get(id);
    if (before.roles().contains(Role.ADMIN)) {
      requireAnotherAdmin(before);
    }
    users.setEnabled(id, false, clock.instant());
    int revoked = tokens.revokeAllOf(id);
    actor.record(
        "user.disable",
        "user:" + before.username(),
        "enabled=" + before.enabled(),
        "enabled=false; sessions ended; tokens revoked=" + revoked);
    return get(id);
  }

  @Transactional
  public User enable(long id) {
    User before = get(id);
    users.setEnabled(id, true, clock.instant());
    actor.record(
        "user.enable", "user:" + before.username(), "enabled=" + before.enabled(), "enabled=true");
    return get(id);
  }

  /** Clears password and MFA, ends sessions, and returns a new setup link for the person. */
  @Transactional
  public String resetAccess(long id) {
    User before = get(id);
    users.resetAccess(id, clock.instant());
    int revoked = tokens.revokeAllOf(id);
    actor.record(
        "user.reset-access",
        "user:" + before.username(),
        "mfa=" + before.mfaEnrolled(),
        "password and MFA cleared; sessions ended; tokens revoked=" + revoked);
    return links.url(links.issueFor(id));
  }

  @Transactional
  public void unlock(long id) {
    User before = get(id);
    users.clearFailures(id, clock.instant());
    actor.record(
        "user.unlock",
        "user:" + before.username(),
        "lockedUntil=" + before.lockedUntil(),
        "unlocked");
  }

  @Transactional
  public void resetMfa(long id) {
    User before = get(id);
    users.clearMfa(id, clock.instant());
    actor.record(
        "user.mfa-reset",
        "user:" + before.username(),
        "mfa=" + before.mfaEnrolled(),
        "mfa=false; re-enrolment at next sign-in");
  }

  private void requireAnotherAdmin(User user) {
    if (users.countOtherEnabledAdmins(user.id()) == 0) {
      throw new InvalidInputException(
          "roles", "last-admin", "at least one enabled administrator must remain");
    }
  }

  static Set<Role> roles(Collection<String> names) {
    if (names == null || names.isEmpty()) {
      throw new InvalidInputException("roles", "roles-required", "choose at least one role");
    }
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String n : names) {
      roles.add(Role.parse(n));
    }
    return roles;
  }

  private static String email(String raw) {
    String e = TextRules.optionalLine("email", raw, 254);
    return e.isEmpty() ? null : new EmailAddress(e).value();
  }
}
