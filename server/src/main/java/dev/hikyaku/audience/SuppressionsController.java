package dev.hikyaku.audience;

import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The suppression list page. Authors and operators add addresses; only operators take one off
 * (mailing someone who unsubscribed or bounced again is a decision, not a click).
 */
@Controller
class SuppressionsController {

  private static final int PAGE = 100;

  private final SuppressionService suppressions;

  SuppressionsController(SuppressionService suppressions) {
    this.suppressions = suppressions;
  }

  @GetMapping("/suppressions")
  @PreAuthorize(AudiencesController.READ)
  String list(
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "") String q,
      Model model) {
    List<Suppression> page = suppressions.page(after, PAGE, q);
    model.addAttribute("suppressions", page);
    model.addAttribute("total", suppressions.count());
    model.addAttribute("q", q);
    model.addAttribute("next", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
    return "audiences/suppressions";
  }

  @PostMapping("/suppressions")
  @PreAuthorize(AudiencesController.WRITE)
  String add(
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String note,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      suppressions.suppressManually(email, note);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute("email", email);
      return list(0, "", model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/suppressions";
  }

  @PostMapping("/suppressions/remove")
  @PreAuthorize("hasRole('OPERATOR')")
  String remove(@RequestParam(defaultValue = "") String email, RedirectAttributes redirect) {
    suppressions.remove(email);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/suppressions";
  }
}
