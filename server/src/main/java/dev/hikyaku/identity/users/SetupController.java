package dev.hikyaku.identity.users;

import dev.hikyaku.identity.mfa.MfaService;
import dev.hikyaku.identity.security.SignIn;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page behind a setup link: choose a password (and, for the first admin, a username). */
@Controller
class SetupController {

  private final AccountSetup setup;
  private final MfaService mfa;
  private final SignIn signIn;

  SetupController(AccountSetup setup, MfaService mfa, SignIn signIn) {
    this.setup = setup;
    this.mfa = mfa;
    this.signIn = signIn;
  }

  /** The form a setup link shows, filled back in when it is sent again after an error. */
  record SetupForm(
      String token, String username, String displayName, String password, String confirmation) {}

  @GetMapping("/setup")
  String form(
      @RequestParam(defaultValue = "") String token, Model model, HttpServletResponse response) {
    var target = setup.resolve(token);
    if (target.isEmpty()) {
      response.setStatus(HttpStatus.NOT_FOUND.value());
      model.addAttribute("invalid", true);
      return "setup";
    }
    model.addAttribute("token", token);
    model.addAttribute("invitedUser", target.get().user().orElse(null));
    return "setup";
  }

  @PostMapping("/setup")
  String submit(
      SetupForm form, Model model, HttpServletRequest request, HttpServletResponse response) {
    User user;
    try {
      user =
          setup.complete(
              form.token(),
              form.username(),
              form.displayName(),
              form.password(),
              form.confirmation());
    } catch (InvalidInputException e) {
      response.setStatus(HttpStatus.BAD_REQUEST.value());
      var target = setup.resolve(form.token());
      model.addAttribute("invalid", target.isEmpty());
      model.addAttribute("token", form.token());
      model.addAttribute("invitedUser", target.flatMap(AccountSetup.Target::user).orElse(null));
      model.addAttribute("form", form);
      model.addAttribute("error", e);
      // The answer to a POST: keep the token in the language links, never the passwords.
      String token =
          java.net.URLEncoder.encode(
              form.token() == null ? "" : form.token(), java.nio.charset.StandardCharsets.UTF_8);
      model.addAttribute("langJa", "/setup?token=" + token + "&lang=ja");
      model.addAttribute("langEn", "/setup?token=" + token + "&lang=en");
      return "setup";
    }
    if (mfa.required(user)) {
      signIn.passwordVerified(user, true, request, response);
      return "redirect:/mfa/enrol";
    }
    signIn.complete(user, request, response);
    return "redirect:/";
  }
}
