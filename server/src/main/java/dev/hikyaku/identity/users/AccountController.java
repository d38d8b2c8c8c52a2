package dev.hikyaku.identity.users;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.identity.mfa.MfaService;
import dev.hikyaku.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
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
  private final UserService service;
  private final MfaService mfa;
  private final CurrentActor actor;

  AccountController(UserRepository users, UserService service, MfaService mfa, CurrentActor actor) {
    this.users = users;
    this.service = service;
    this.mfa = mfa;
    this.actor = actor;
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
    try {
      service.changeOwnPassword(principal.id(), current, password, confirmation);
    } catch (InvalidInputException e) {
      actor.recordDenied("user.password-change", "user:" + principal.username(), e.getMessage());
      model.addAttribute("error", e);
      return account(principal, model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/account";
  }
}
