package dev.hikyaku.identity.security;

import dev.hikyaku.identity.mfa.MfaService;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.identity.users.UserRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two sign-in steps, each one transaction holding the account's row lock from the lock check to
 * the counter update, so that parallel attempts are counted one after another. Outcomes are values:
 * a failure commits its count instead of rolling it back with an exception.
 */
@Service
public class SignInSteps {

  /** How a step came out. */
  public sealed interface Outcome {
    /** Right, and nothing more is due. */
    record SignedIn(User user) implements Outcome {}

    /** Password right; the second factor (or its enrolment) is due. */
    record SecondFactorDue(User user, boolean enrolmentNeeded) implements Outcome {}

    /** Wrong (or unknown user); counted. */
    record Wrong() implements Outcome {}

    /** Refused: the account is locked until then. */
    record Locked(Instant until) implements Outcome {}

    /** Refused: the account is disabled (told only after a right password). */
    record Disabled() implements Outcome {}
  }

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final LoginAttempts attempts;
  private final MfaService mfa;
  private final Clock clock;

  /** Hashed on first use, not at start-up: Argon2 is deliberately slow, more so in a cold JVM. */
  private volatile String dummyHash;

  SignInSteps(
      UserRepository users,
      PasswordEncoder encoder,
      LoginAttempts attempts,
      MfaService mfa,
      Clock clock) {
    this.users = users;
    this.encoder = encoder;
    this.attempts = attempts;
    this.mfa = mfa;
    this.clock = clock;
  }

  @Transactional
  public Outcome password(String rawUsername, String password) {
    String username = rawUsername == null ? "" : rawUsername.strip().toLowerCase(Locale.ROOT);
    var found =
        username.length() > 64 ? java.util.Optional.<User>empty() : users.findByUsername(username);
    var user = found.flatMap(u -> users.lockById(u.id())).filter(User::hasPassword).orElse(null);
    if (user == null || password == null || password.length() > 1024) {
      encoder.matches(password == null ? "" : password, dummyHash());
      attempts.unknownUser(username);
      return new Outcome.Wrong();
    }
    if (user.lockedAt(clock.instant())) {
      attempts.refusedLocked(user);
      return new Outcome.Locked(user.lockedUntil());
    }
    if (!encoder.matches(password, user.passwordHash())) {
      Instant lockedUntil = attempts.failed(user, "password");
      return lockedUntil != null ? new Outcome.Locked(lockedUntil) : new Outcome.Wrong();
    }
    if (!user.enabled()) {
      attempts.refusedDisabled(user);
      return new Outcome.Disabled();
    }
    boolean enrolmentNeeded = !user.mfaEnrolled() && mfa.required(user);
    if (user.mfaEnrolled() || enrolmentNeeded) {
      attempts.passwordVerified(user);
      return new Outcome.SecondFactorDue(user, enrolmentNeeded);
    }
    attempts.succeeded(user, "password (MFA not required)");
    return new Outcome.SignedIn(user);
  }

  /** A TOTP or recovery code for the account whose password was just verified. */
  @Transactional
  public Outcome secondFactor(long userId, String code) {
    User user = users.lockById(userId).orElseThrow();
    if (!user.enabled()) {
      return new Outcome.Disabled();
    }
    if (user.lockedAt(clock.instant())) {
      attempts.refusedLocked(user);
      return new Outcome.Locked(user.lockedUntil());
    }
    var result = mfa.verify(user, code);
    if (result == MfaService.Verification.FAILED) {
      Instant lockedUntil = attempts.failed(user, "second factor");
      return lockedUntil != null ? new Outcome.Locked(lockedUntil) : new Outcome.Wrong();
    }
    attempts.succeeded(
        user,
        result == MfaService.Verification.TOTP ? "password + TOTP" : "password + recovery code");
    return new Outcome.SignedIn(user);
  }

  private String dummyHash() {
    String h = dummyHash;
    if (h == null) {
      h = encoder.encode("timing-equaliser-" + System.nanoTime());
      dummyHash = h;
    }
    return h;
  }
}
