package dev.hikyaku.delivery;

import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.RequiresNetwork;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The emergency stop in the console: operators, approvers and admins may pull it from any page (the
 * layout carries the form; this page shows the state), operators release it from the network
 * allowed to send.
 */
@Controller
class HaltController {

  /** Who may pull the emergency stop: anyone with a hand in sending or running the system. */
  static final String STOP = "hasAnyRole('OPERATOR', 'APPROVER', 'ADMIN')";

  /** Who may release it: operators, who start sends. */
  static final String RESUME = "hasRole('OPERATOR')";

  private final DeliveryService delivery;

  HaltController(DeliveryService delivery) {
    this.delivery = delivery;
  }

  @GetMapping("/delivery/halt")
  @PreAuthorize(STOP)
  String page(Model model) {
    model.addAttribute("halt", delivery.halt());
    return "delivery/halt";
  }

  /** Pulls the stop; the ticked confirmation box is the second thought an emergency allows. */
  @PostMapping("/delivery/halt")
  @PreAuthorize(STOP)
  String halt(
      @RequestParam(defaultValue = "") String reason,
      @RequestParam(defaultValue = "false") boolean confirm,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    if (!confirm) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute(
          "error",
          new InvalidInputException("confirm", "halt-not-confirmed", "tick the box to confirm"));
      model.addAttribute("reason", reason);
      return page(model);
    }
    delivery.haltAll(reason);
    redirect.addFlashAttribute("halted", true);
    return "redirect:/delivery/halt";
  }

  @PostMapping("/delivery/resume")
  @PreAuthorize(RESUME)
  @RequiresNetwork(IpScope.SEND)
  String resume(RedirectAttributes redirect) {
    delivery.resumeAll();
    redirect.addFlashAttribute("resumed", true);
    return "redirect:/delivery/halt";
  }
}
