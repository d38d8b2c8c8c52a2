package dev.hikyaku.identity.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.Serializable;
import java.time.Instant;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;

/** Where the password step leads: the second factor, enrolment, or in; or back with a reason. */
final class LoginHandlers {

  /** Session attribute holding the reason the last sign-in attempt failed. */
  static final String ERROR = "hikyaku.loginError";

  /** Why sign-in failed, for the login page; {@code until} is set for a lockout. */
  record LoginError(String code, Instant until) implements Serializable {}

  private LoginHandlers() {}

  static AuthenticationSuccessHandler success() {
    var saved = new SavedRequestAwareAuthenticationSuccessHandler();
    saved.setDefaultTargetUrl("/");
    return (HttpServletRequest request, HttpServletResponse response, Authentication auth) -> {
      if (Authentications.has(auth, Authentications.SIGNED_IN)) {
        saved.onAuthenticationSuccess(request, response, auth);
      } else if (Authentications.has(auth, Authentications.MFA_ENROLMENT)) {
        response.sendRedirect(request.getContextPath() + "/mfa/enrol");
      } else {
        response.sendRedirect(request.getContextPath() + "/login/mfa");
      }
    };
  }

  static AuthenticationFailureHandler failure() {
    return (HttpServletRequest request,
        HttpServletResponse response,
        AuthenticationException e) -> {
      request.getSession().setAttribute(ERROR, describe(e));
      response.sendRedirect(request.getContextPath() + "/login?error");
    };
  }

  static LoginError describe(AuthenticationException e) {
    if (e instanceof AccountLockedException locked) {
      return new LoginError("locked", locked.until());
    }
    if (e instanceof DisabledException) {
      return new LoginError("disabled", null);
    }
    return new LoginError("bad-credentials", null);
  }
}
