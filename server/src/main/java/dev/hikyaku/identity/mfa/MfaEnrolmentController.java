package dev.hikyaku.identity.mfa;

import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.identity.security.Authentications;
import dev.hikyaku.identity.security.LoginAttempts;
import dev.hikyaku.identity.security.SignIn;
import dev.hikyaku.identity.users.UserRepository;
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
 * TOTP enrolment: a QR code (and the secret as text), a code from the app to prove it works, then
 * the recovery codes, shown this once. The pending secret lives only in the session until proven.
 */
@Controller
class MfaEnrolmentController {

  private static final String PENDING = "hikyaku.pendingTotpSecret";

  private final MfaService mfa;
  private final UserRepository users;
  private final LoginAttempts attempts;
  private final SignIn signIn;

  MfaEnrolmentController(
      MfaService mfa, UserRepository users, LoginAttempts attempts, SignIn signIn) {
    this.mfa = mfa;
    this.users = users;
    this.attempts = attempts;
    this.signIn = signIn;
  }

  @GetMapping("/mfa/enrol")
  String enrol(@AuthenticationPrincipal SignedInUser principal, HttpSession session, Model model) {
    var user = users.findById(principal.id()).orElseThrow();
    if (user.mfaEnrolled()) {
      // Enrolled meanwhile (another tab): signed-in people go to their account, half-signed-in
      // ones to the second-factor step.
      return Authentications.has(
              SecurityContextHolder.getContext().getAuthentication(), Authentications.SIGNED_IN)
          ? "redirect:/account"
          : "redirect:/login/mfa";
    }
    byte[] secret = (byte[]) session.getAttribute(PENDING);
    if (secret == null) {
      secret = mfa.newSecret();
      session.setAttribute(PENDING, secret);
    }
    String uri = mfa.otpauthUri(user.username(), secret);
    model.addAttribute("qrSvg", QrCodes.svg(uri));
    model.addAttribute(
        "secret", Base32.encode(secret).replace("=", "").replaceAll("(.{4})", "$1 ").strip());
    model.addAttribute("otpauthUri", uri);
    return "mfa-enrol";
  }

  @PostMapping("/mfa/enrol")
  String confirm(
      @AuthenticationPrincipal SignedInUser principal,
      @RequestParam(defaultValue = "") String code,
      HttpSession session,
      HttpServletRequest request,
      HttpServletResponse response,
      Model model) {
    var user = users.findById(principal.id()).orElseThrow();
    byte[] secret = (byte[]) session.getAttribute(PENDING);
    if (user.mfaEnrolled() || secret == null) {
      return enrol(principal, session, model);
    }
    var codes = mfa.enrol(user, secret, code);
    if (codes.isEmpty()) {
      model.addAttribute("codeError", true);
      return enrol(principal, session, model);
    }
    session.removeAttribute(PENDING);
    var enrolled = users.findById(user.id()).orElseThrow();
    attempts.succeeded(enrolled, "password + TOTP enrolment");
    signIn.complete(enrolled, request, response);
    model.addAttribute("codes", codes);
    // Shown once, as the answer to the form: a language link (a GET) would lose them.
    model.addAttribute("hideLanguageSwitch", true);
    return "mfa-recovery-codes";
  }
}
