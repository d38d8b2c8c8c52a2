package dev.hikyaku.identity.security;

import dev.hikyaku.identity.mfa.MfaService;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.identity.users.UserRepository;
import java.time.Clock;
import java.util.Locale;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The password step of console sign-in. Unknown users cost the same hashing work as known ones; a
 * locked account is refused before its password is checked; a disabled one only after, so its state
 * is told only to someone who knows the password.
 */
@Component
public class LoginAuthenticationProvider implements AuthenticationProvider {

  private final UserRepository users;
  private final PasswordEncoder encoder;
  private final LoginAttempts attempts;
  private final MfaService mfa;
  private final Clock clock;

  /** Hashed on first use, not at start-up: Argon2 is deliberately slow, more so in a cold JVM. */
  private volatile String dummyHash;

  LoginAuthenticationProvider(
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

  @Override
  public Authentication authenticate(Authentication request) {
    String username =
        request.getName() == null ? "" : request.getName().strip().toLowerCase(Locale.ROOT);
    String password = request.getCredentials() == null ? "" : request.getCredentials().toString();
    if (username.length() > 64 || password.length() > 1024) {
      throw new BadCredentialsException("bad credentials");
    }
    User user = users.findByUsername(username).filter(User::hasPassword).orElse(null);
    if (user == null) {
      encoder.matches(password, dummyHash());
      attempts.unknownUser(username);
      throw new BadCredentialsException("bad credentials");
    }
    if (user.lockedAt(clock.instant())) {
      attempts.refusedLocked(user);
      throw new AccountLockedException(user.lockedUntil());
    }
    if (!encoder.matches(password, user.passwordHash())) {
      var lockedUntil = attempts.failed(user, "password");
      if (lockedUntil != null) {
        throw new AccountLockedException(lockedUntil);
      }
      throw new BadCredentialsException("bad credentials");
    }
    if (!user.enabled()) {
      attempts.refusedDisabled(user);
      throw new DisabledException("disabled");
    }
    boolean enrolmentNeeded = !user.mfaEnrolled() && mfa.required(user);
    if (user.mfaEnrolled() || enrolmentNeeded) {
      attempts.passwordVerified(user);
      return Authentications.passwordVerified(user, enrolmentNeeded);
    }
    attempts.succeeded(user, "password (MFA not required)");
    return Authentications.signedIn(user);
  }

  private String dummyHash() {
    String h = dummyHash;
    if (h == null) {
      h = encoder.encode("timing-equaliser-" + System.nanoTime());
      dummyHash = h;
    }
    return h;
  }

  @Override
  public boolean supports(Class<?> type) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
  }
}
