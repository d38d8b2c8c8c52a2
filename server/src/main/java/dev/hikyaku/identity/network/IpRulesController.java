package dev.hikyaku.identity.network;

import dev.hikyaku.identity.IpScope;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's IP rules page: allowed networks for console login, sending and the API. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class IpRulesController {

  private final IpRuleService rules;
  private final ClientAddressResolver addresses;

  IpRulesController(IpRuleService rules, ClientAddressResolver addresses) {
    this.rules = rules;
    this.addresses = addresses;
  }

  @GetMapping("/admin/ip-rules")
  String list(Model model, HttpServletRequest request) {
    model.addAttribute("scopes", IpScope.values());
    var byScope = new java.util.LinkedHashMap<String, java.util.List<IpRule>>();
    for (IpScope s : IpScope.values()) {
      byScope.put(s.key(), rules.of(s));
    }
    model.addAttribute("rulesByScope", byScope);
    model.addAttribute("yourAddress", addresses.resolve(request).getHostAddress());
    return "admin/ip-rules";
  }

  @PostMapping("/admin/ip-rules")
  String add(
      @RequestParam(defaultValue = "") String scope,
      @RequestParam(defaultValue = "") String cidr,
      @RequestParam(defaultValue = "") String label,
      @RequestParam(defaultValue = "false") boolean confirmLockout,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      rules.add(
          scope(scope), cidr, label, confirmLockout, addresses.resolve(request), IpScope.LOGIN);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute("form", new RuleForm(scope, cidr, label));
      return list(model, request);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/ip-rules";
  }

  @PostMapping("/admin/ip-rules/{id}/delete")
  String delete(
      @PathVariable long id,
      @RequestParam(defaultValue = "false") boolean confirmLockout,
      Model model,
      HttpServletRequest request,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      rules.remove(id, confirmLockout, addresses.resolve(request), IpScope.LOGIN);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute("confirmDeleteId", id);
      return list(model, request);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/ip-rules";
  }

  /** The add-rule form, filled back in after an error. */
  record RuleForm(String scope, String cidr, String label) {}

  static IpScope scope(String s) {
    try {
      return IpScope.valueOf(s.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("scope", "unknown-scope", "unknown IP rule scope: " + s);
    }
  }
}
