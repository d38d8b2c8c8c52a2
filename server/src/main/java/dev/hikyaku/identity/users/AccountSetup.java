package dev.hikyaku.identity.users;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.Role;
import dev.hikyaku.shared.Actor;
import dev.hikyaku.shared.AuditedAction;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.time.Clock;
import java.util.EnumSet;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Completes a setup link: creates the first administrator, or sets an invited person's password.
 * The link is consumed in the same transaction, so a link works exactly once.
 */
@Service
public class AccountSetup {

  private final SetupLinks links;
  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final ApplicationEventPublisher events;
  private final CurrentActor current;
  private final Clock clock;

  AccountSetup(
      SetupLinks links,
      UserRepository users,
      PasswordEncoder encoder,
      ApplicationEventPublisher events,
      CurrentActor current,
      Clock clock) {
    this.links = links;
    this.users = users;
    this.encoder = encoder;
    this.events = events;
    this.current = current;
    this.clock = clock;
  }

  /** Whom a link is for: the first admin ({@code user} empty) or an existing account. */
  public record Target(SetupLinks.Link link, java.util.Optional<User> user) {}

  /**
   * The link's target, or empty if it is unknown, used, expired, or a first-admin link too late.
   */
  public java.util.Optional<Target> resolve(String token) {
    return links
        .find(token)
        .flatMap(link ->
            link.userId().isEmpty()
                ? (users.any()
                    ? java.util.Optional.empty()
                    : java.util.Optional.of(new Target(link, java.util.Optional.empty())))
                : users
                    .findById(link.userId().get())
                    .filter(User::enabled)
                    .map(u -> new Target(link, java.util.Optional.of(u))));
  }

  @Transactional
  public User complete(
      String token, String username, String displayName, String password, String confirmation) {
    Target target =
        resolve(token)
            .orElseThrow(() ->
                new InvalidInputException(
                    "token", "setup-link", "this setup link is unknown, used or expired"));
    User user;
    if (target.user().isPresent()) {
      user = target.user().get();
      PasswordPolicy.check(password, confirmation, user.username());
    } else {
      String name = Usernames.check(username);
      String display = TextRules.requireLine("displayName", displayName, 128);
      PasswordPolicy.check(password, confirmation, name);
      long id = users.insert(name, display, null, clock.instant());
      users.setRoles(id, EnumSet.of(Role.ADMIN));
      user = users.findById(id).orElseThrow();
    }
    if (!links.consume(target.link())) {
      throw new InvalidInputException("token", "setup-link", "this setup link was used meanwhile");
    }
    users.setPassword(user.id(), encoder.encode(password), clock.instant());
    events.publishEvent(
        AuditedAction.success(
                Actor.user(user.username()),
                current.ip(),
                target.user().isPresent() ? "user.password-set" : "setup.first-admin",
                "user:" + user.username())
            .withChange(
                "", target.user().isPresent() ? "password chosen via setup link" : user.summary()));
    return users.findById(user.id()).orElseThrow();
  }
}
