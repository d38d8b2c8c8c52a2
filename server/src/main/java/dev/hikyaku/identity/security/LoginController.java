package dev.hikyaku.identity.security;

import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.identity.mfa.MfaService;
import dev.hikyaku.identity.users.UserRepository;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The sign-in pages: password (handled by Spring Security's form login), then the second factor.
 */
@Controller
class LoginController {

  private final UserRepository users;
  private final MfaService mfa;
  private final LoginAttempts attempts;
  private final SignIn signIn;
  private final Clock clock;

  LoginController(
      UserRepository users, MfaService mfa, LoginAttempts attempts, SignIn signIn, Clock clock) {
    this.users = users;
    this.mfa = mfa;
    this.attempts = attempts;
    this.signIn = signIn;
    this.clock = clock;
  }

  @GetMapping("/login")
  String login(HttpSession session, Model model) {
    if (Authentications.has(
        SecurityContextHolder.getContext().getAuthentication(), Authentications.SIGNED_IN)) {
      return "redirect:/";
    }
    Object error = session.getAttribute(LoginHandlers.ERROR);
    if (error != null) {
      session.removeAttribute(LoginHandlers.ERROR);
      model.addAttribute("loginError", error);
      if (error instanceof LoginHandlers.LoginError e && e.until() != null) {
        model.addAttribute(
            "lockedUntil",
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(e.until().atZone(java.time.ZoneId.systemDefault())));
      }
    }
    return "login";
  }

  @GetMapping("/login/mfa")
  String secondFactor() {
    return "login-mfa";
  }

  @PostMapping("/login/mfa")
  String verifySecondFactor(
      @AuthenticationPrincipal SignedInUser principal,
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var user = users.findById(principal.id()).orElseThrow();
    if (user.lockedAt(clock.instant()) || !user.enabled()) {
      return endWith(
          request,
          new LoginHandlers.LoginError(user.enabled() ? "locked" : "disabled", user.lockedUntil()));
    }
    var result = mfa.verify(user, code);
    if (result == MfaService.Verification.FAILED) {
      var lockedUntil = attempts.failed(user, "second factor");
      if (lockedUntil != null) {
        return endWith(request, new LoginHandlers.LoginError("locked", lockedUntil));
      }
      model.addAttribute("codeError", true);
      return "login-mfa";
    }
    attempts.succeeded(
        user,
        result == MfaService.Verification.TOTP ? "password + TOTP" : "password + recovery code");
    signIn.complete(user, request, response);
    return "redirect:/";
  }

  /** Ends the half-done sign-in and sends the person back to the login page with a reason. */
  private static String endWith(HttpServletRequest request, LoginHandlers.LoginError error) {
    SecurityContextHolder.clearContext();
    request.getSession().invalidate();
    request.getSession(true).setAttribute(LoginHandlers.ERROR, error);
    return "redirect:/login?error";
  }
}
