package dev.hikyaku.diagnosis;

import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The console's domain check: a form, and each item pass, info, warn or fail with its fix. */
@Controller
class DomainController {

  private final DomainDiagnosis domains;

  DomainController(DomainDiagnosis domains) {
    this.domains = domains;
  }

  @GetMapping("/diagnosis/domain")
  @PreAuthorize(DiagnosisAccess.ANALYZE)
  String form(Model model) {
    model.addAttribute("starttls", true);
    return "diagnosis/domain";
  }

  @PostMapping("/diagnosis/domain")
  @PreAuthorize(DiagnosisAccess.ANALYZE)
  String check(
      @RequestParam(defaultValue = "") String domain,
      @RequestParam(defaultValue = "") String selectors,
      @RequestParam(defaultValue = "") String ips,
      @RequestParam(defaultValue = "") String dnsbl,
      @RequestParam(defaultValue = "false") boolean starttls,
      Model model,
      HttpServletResponse response) {
    model.addAttribute("domain", domain);
    model.addAttribute("selectors", selectors);
    model.addAttribute("ips", ips);
    model.addAttribute("dnsbl", dnsbl);
    model.addAttribute("starttls", starttls);
    try {
      model.addAttribute(
          "report",
          domains.check(
              new DomainCheckRequest(
                  domain,
                  java.util.List.of(selectors),
                  java.util.List.of(ips),
                  java.util.List.of(dnsbl),
                  starttls)));
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
    } catch (CheckTimedOutException e) {
      response.setStatus(504);
      model.addAttribute("timedOut", e);
    }
    return "diagnosis/domain";
  }
}
