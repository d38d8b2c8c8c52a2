package dev.hikyaku.test;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.Scope;
import dev.hikyaku.identity.mfa.Totp;
import dev.hikyaku.identity.security.Authentications;
import dev.hikyaku.identity.tokens.ApiTokenService;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.identity.users.UserRepository;
import dev.hikyaku.platform.SecretBox;
import java.time.Clock;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Real accounts for tests, made through the application's own repositories: a password, roles, and
 * optionally an enrolled TOTP secret; plus signed-in sessions and real API tokens for them.
 */
@Component
public class Fixtures {

  public static final String PASSWORD = "correct horse battery staple";

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final SecretBox box;
  private final ApiTokenService tokens;
  private final Clock clock;

  Fixtures(
      UserRepository users,
      PasswordEncoder encoder,
      SecretBox box,
      ApiTokenService tokens,
      Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.box = box;
    this.tokens = tokens;
    this.clock = clock;
  }

  /** A person with the given roles and password {@link #PASSWORD}; no MFA. */
  public User user(String username, Role... roles) {
    long id = users.insert(username, "Test " + username, null, clock.instant());
    users.setRoles(
        id, roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(roles)));
    users.setPassword(id, encoder.encode(PASSWORD), clock.instant());
    return users.findById(id).orElseThrow();
  }

  /** Enrols {@code user} in TOTP with a known secret, which is returned. */
  public byte[] enrolTotp(User user) {
    byte[] secret = new byte[20];
    new java.security.SecureRandom().nextBytes(secret);
    users.setTotp(
        user.id(), box.seal("totp:" + user.id(), secret), Long.MIN_VALUE, clock.instant());
    return secret;
  }

  public String totp(byte[] secret) {
    return Totp.standard().code(secret, clock.instant());
  }

  /** A session in which {@code user} has completed sign-in. */
  public MockHttpSession session(User user) {
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
        new SecurityContextImpl(Authentications.signedIn(reload(user))));
    return session;
  }

  /** A real API token of {@code user} with every scope (roles still apply). */
  public String token(User user) {
    return token(user, Scope.values());
  }

  /**
   * A real API token. As in the console, where a person must enrol before anything else, an owner
   * whose roles require MFA is enrolled first (tokens of such owners without MFA are refused).
   */
  public String token(User user, Scope... scopes) {
    if (!reload(user).mfaEnrolled() && user.roles().stream().anyMatch(Role::requiresMfa)) {
      enrolTotp(user);
    }
    List<String> keys = Arrays.stream(scopes).map(Scope::key).toList();
    return tokens.create(reload(user).signedIn(), "test", keys, 30).secret();
  }

  /**
   * Runs {@code action} as {@code user} signed in to the console (for calls below the web layer).
   */
  public <T> T as(User user, java.util.function.Supplier<T> action) {
    var previous = org.springframework.security.core.context.SecurityContextHolder.getContext();
    var context = new SecurityContextImpl(Authentications.signedIn(reload(user)));
    org.springframework.security.core.context.SecurityContextHolder.setContext(context);
    try {
      return action.get();
    } finally {
      org.springframework.security.core.context.SecurityContextHolder.setContext(previous);
    }
  }

  public void as(User user, Runnable action) {
    as(
        user,
        () -> {
          action.run();
          return null;
        });
  }

  private static final java.util.concurrent.atomic.AtomicInteger SERIAL =
      new java.util.concurrent.atomic.AtomicInteger();

  /** A fresh, unique username with {@code prefix}. */
  public static String unique(String prefix) {
    return prefix + "-" + ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet();
  }

  public User reload(User user) {
    return users.findById(user.id()).orElseThrow();
  }
}
