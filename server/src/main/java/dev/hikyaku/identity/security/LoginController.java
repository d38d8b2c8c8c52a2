package dev.hikyaku.identity.security;

import dev.hikyaku.identity.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
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

  private final SignInSteps steps;
  private final SignIn signIn;

  LoginController(SignInSteps steps, SignIn signIn) {
    this.steps = steps;
    this.signIn = signIn;
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
    return switch (steps.secondFactor(principal.id(), code)) {
      case SignInSteps.Outcome.SignedIn s -> {
        signIn.complete(s.user(), request, response);
        yield "redirect:/";
      }
      case SignInSteps.Outcome.Wrong w -> {
        model.addAttribute("codeError", true);
        yield "login-mfa";
      }
      case SignInSteps.Outcome.Locked l ->
          endWith(request, new LoginHandlers.LoginError("locked", l.until()));
      case SignInSteps.Outcome.Disabled d ->
          endWith(request, new LoginHandlers.LoginError("disabled", null));
      case SignInSteps.Outcome.SecondFactorDue d -> throw new IllegalStateException("unreachable");
    };
  }

  /** Ends the half-done sign-in and sends the person back to the login page with a reason. */
  private static String endWith(HttpServletRequest request, LoginHandlers.LoginError error) {
    SecurityContextHolder.clearContext();
    request.getSession().invalidate();
    request.getSession(true).setAttribute(LoginHandlers.ERROR, error);
    return "redirect:/login?error";
  }
}
