package dev.hikyaku.domains;

import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's sending-domain pages: the list, adding a domain, its records and keys, verifying
 * and rotating. Operators change; authors and approvers look.
 */
@Controller
class DomainsController {

  private static final String READ = "hasAnyRole('OPERATOR', 'AUTHOR', 'APPROVER')";
  private static final String WRITE = "hasRole('OPERATOR')";

  private final SendingDomainService domains;

  DomainsController(SendingDomainService domains) {
    this.domains = domains;
  }

  @GetMapping("/domains")
  @PreAuthorize(READ)
  String list(Model model) {
    model.addAttribute("domains", domains.list());
    return "domains/list";
  }

  @PostMapping("/domains")
  @PreAuthorize(WRITE)
  String add(
      @RequestParam(defaultValue = "") String name,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      DomainDetails added = domains.add(name);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/domains/" + added.domain().id();
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute("name", name);
      return list(model);
    }
  }

  @GetMapping("/domains/{id}")
  @PreAuthorize(READ)
  String show(@PathVariable long id, Model model) {
    model.addAttribute("details", domains.details(id));
    return "domains/show";
  }

  @PostMapping("/domains/{id}/verify")
  @PreAuthorize(WRITE)
  String verify(@PathVariable long id, Model model) {
    Verification verification = domains.verify(id);
    model.addAttribute("verification", verification);
    return show(id, model);
  }

  @PostMapping("/domains/{id}/rotate")
  @PreAuthorize(WRITE)
  String rotate(
      @PathVariable long id,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      domains.rotate(id);
    } catch (InvalidInputException e) {
      if (e.code().startsWith("no-such-")) {
        throw e;
      }
      response.setStatus(400);
      model.addAttribute("error", e);
      return show(id, model);
    }
    redirect.addFlashAttribute("rotated", true);
    return "redirect:/domains/" + id;
  }

  @PostMapping("/domains/{id}/delete")
  @PreAuthorize(WRITE)
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    domains.remove(id);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/domains";
  }

  /** The records as a zone-file fragment, to paste into a zone or send to the DNS provider. */
  @GetMapping("/domains/{id}/zone.txt")
  @PreAuthorize(READ)
  ResponseEntity<String> zone(@PathVariable long id) {
    DomainDetails details = domains.details(id);
    return ResponseEntity.ok()
        .contentType(new MediaType(MediaType.TEXT_PLAIN, StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(details.domain().name() + ".zone.txt")
                .build()
                .toString())
        .body(details.zoneFile());
  }
}
