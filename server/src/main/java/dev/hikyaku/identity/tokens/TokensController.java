package dev.hikyaku.identity.tokens;

import dev.hikyaku.identity.Scope;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A person's own API tokens in the console: create (secret shown once), list, revoke. */
@Controller
@PreAuthorize("isAuthenticated()")
class TokensController {

  private final ApiTokenService tokens;

  TokensController(ApiTokenService tokens) {
    this.tokens = tokens;
  }

  @GetMapping("/account/tokens")
  String list(@AuthenticationPrincipal SignedInUser user, Model model) {
    model.addAttribute("tokens", tokens.listOf(user.id()));
    model.addAttribute("scopes", Scope.values());
    model.addAttribute("now", java.time.Instant.now());
    return "tokens";
  }

  @PostMapping("/account/tokens")
  String create(
      @AuthenticationPrincipal SignedInUser user,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(required = false) List<String> scopes,
      @RequestParam(defaultValue = "90") int validDays,
      Model model,
      HttpServletResponse response) {
    try {
      var created = tokens.create(user, name, scopes, validDays);
      model.addAttribute("createdSecret", created.secret());
      model.addAttribute("createdToken", created.token());
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
    }
    return list(user, model);
  }

  @PostMapping("/account/tokens/{publicId}/revoke")
  String revoke(
      @AuthenticationPrincipal SignedInUser user,
      @PathVariable String publicId,
      RedirectAttributes redirect) {
    tokens.revoke(user, publicId);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/account/tokens";
  }
}
