package dev.hikyaku.identity.users;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.identity.mfa.MfaService;
import dev.hikyaku.shared.InvalidInputException;
import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own account: profile, MFA state, password change. */
@Controller
@PreAuthorize("isAuthenticated()")
class AccountController {

  private final UserRepository users;
  private final MfaService mfa;
  private final PasswordEncoder encoder;
  private final CurrentActor actor;
  private final Clock clock;

  AccountController(
      UserRepository users,
      MfaService mfa,
      PasswordEncoder encoder,
      CurrentActor actor,
      Clock clock) {
    this.users = users;
    this.mfa = mfa;
    this.encoder = encoder;
    this.actor = actor;
    this.clock = clock;
  }

  @GetMapping("/account")
  String account(@AuthenticationPrincipal SignedInUser principal, Model model) {
    var user = users.findById(principal.id()).orElseThrow();
    model.addAttribute("user", user);
    model.addAttribute("recoveryCodesLeft", mfa.unusedRecoveryCodes(user.id()));
    return "account";
  }

  @PostMapping("/account/password")
  String changePassword(
      @AuthenticationPrincipal SignedInUser principal,
      @RequestParam(defaultValue = "") String current,
      @RequestParam(defaultValue = "") String password,
      @RequestParam(defaultValue = "") String confirmation,
      Model model,
      RedirectAttributes redirect) {
    var user = users.findById(principal.id()).orElseThrow();
    try {
      if (!encoder.matches(current, user.passwordHash())) {
        throw new InvalidInputException(
            "current", "password-current", "the current password is wrong");
      }
      PasswordPolicy.check(password, confirmation, user.username());
    } catch (InvalidInputException e) {
      actor.recordDenied("user.password-change", "user:" + user.username(), e.getMessage());
      model.addAttribute("error", e);
      return account(principal, model);
    }
    users.setPassword(user.id(), encoder.encode(password), clock.instant());
    actor.record("user.password-change", "user:" + user.username(), "", "password changed");
    redirect.addFlashAttribute("saved", true);
    return "redirect:/account";
  }
}
