package dev.hikyaku.approval;

import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's approvals page: what waits for a decision, what was decided lately, and the proxies
 * standing in for absent approvers.
 */
@Controller
class ApprovalsController {

  static final String READ = "hasAnyRole('AUTHOR', 'APPROVER', 'OPERATOR', 'ADMIN', 'AUDITOR')";
  static final String DELEGATE = "hasAnyRole('APPROVER', 'ADMIN')";

  private final ApprovalService approvals;
  private final ProxyApprovers proxies;

  ApprovalsController(ApprovalService approvals, ProxyApprovers proxies) {
    this.approvals = approvals;
    this.proxies = proxies;
  }

  @GetMapping("/approvals")
  @PreAuthorize(READ)
  String list(Model model) {
    model.addAttribute("pending", approvals.pending());
    model.addAttribute("recent", approvals.recent());
    model.addAttribute("delegations", proxies.delegations());
    model.addAttribute("approvals", approvals);
    return "approvals/list";
  }

  @PostMapping("/approvals/delegations")
  @PreAuthorize(DELEGATE)
  String delegate(
      @RequestParam(required = false) String approver,
      @RequestParam(required = false) String proxy,
      @RequestParam(required = false) String validFrom,
      @RequestParam(required = false) String validUntil,
      @RequestParam(required = false) String reason,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      proxies.delegate(
          approver, proxy, time("validFrom", validFrom), time("validUntil", validUntil), reason);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      return list(model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/approvals";
  }

  @PostMapping("/approvals/delegations/{id}/revoke")
  @PreAuthorize(DELEGATE)
  String revoke(@PathVariable long id, RedirectAttributes redirect) {
    proxies.revokeDelegation(id);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/approvals";
  }

  /** A {@code datetime-local} value, in the server's zone. */
  static java.time.Instant time(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "required", "enter a date and time");
    }
    try {
      return LocalDateTime.parse(value.strip()).atZone(ZoneId.systemDefault()).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return java.time.OffsetDateTime.parse(value.strip()).toInstant();
      } catch (DateTimeParseException e2) {
        throw new InvalidInputException(
            field, "bad-send-at", "not a date and time: " + value, value);
      }
    }
  }
}
