package dev.hikyaku.identity.security;

import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The password step of console sign-in, for Spring Security's form login. The work (and its
 * counting) is {@link SignInSteps#password}'s; this turns the outcome into what the filter wants.
 */
@Component
public class LoginAuthenticationProvider implements AuthenticationProvider {

  private final SignInSteps steps;

  LoginAuthenticationProvider(SignInSteps steps) {
    this.steps = steps;
  }

  @Override
  public Authentication authenticate(Authentication request) {
    String password = request.getCredentials() == null ? null : request.getCredentials().toString();
    return switch (steps.password(request.getName(), password)) {
      case SignInSteps.Outcome.SignedIn s -> Authentications.signedIn(s.user());
      case SignInSteps.Outcome.SecondFactorDue d ->
          Authentications.passwordVerified(d.user(), d.enrolmentNeeded());
      case SignInSteps.Outcome.Locked l -> throw new AccountLockedException(l.until());
      case SignInSteps.Outcome.Disabled d -> throw new DisabledException("disabled");
      case SignInSteps.Outcome.Wrong w -> throw new BadCredentialsException("bad credentials");
    };
  }

  @Override
  public boolean supports(Class<?> type) {
    return UsernamePasswordAuthenticationToken.class.isAssignableFrom(type);
  }
}
