package dev.hikyaku.audience;

import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's audience pages: lists, their contacts, adding and removing contacts. */
@Controller
class AudiencesController {

  static final String READ = "hasAnyRole('AUTHOR', 'OPERATOR', 'APPROVER')";
  static final String WRITE = "hasAnyRole('AUTHOR', 'OPERATOR')";
  private static final int PAGE = 100;

  private final AudienceService audiences;

  AudiencesController(AudienceService audiences) {
    this.audiences = audiences;
  }

  @GetMapping("/audiences")
  @PreAuthorize(READ)
  String list(Model model) {
    model.addAttribute("audiences", audiences.list());
    return "audiences/list";
  }

  @PostMapping("/audiences")
  @PreAuthorize(WRITE)
  String create(
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String description,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      Audience created = audiences.create(name, description);
      redirect.addFlashAttribute("saved", true);
      return "redirect:/audiences/" + created.id();
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute("name", name);
      model.addAttribute("description", description);
      return list(model);
    }
  }

  @GetMapping("/audiences/{id}")
  @PreAuthorize(READ)
  String show(
      @PathVariable long id,
      @RequestParam(defaultValue = "0") long after,
      @RequestParam(defaultValue = "") String q,
      Model model) {
    model.addAttribute("audience", audiences.get(id));
    List<Contact> page = audiences.contacts(id, after, PAGE, q);
    model.addAttribute("contacts", page);
    model.addAttribute("q", q);
    model.addAttribute("next", page.size() == PAGE ? page.get(page.size() - 1).id() : null);
    model.addAttribute("sendable", audiences.countSendable(id));
    return "audiences/show";
  }

  @PostMapping("/audiences/{id}/contacts")
  @PreAuthorize(WRITE)
  String addContact(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(defaultValue = "") String name,
      @RequestParam(defaultValue = "") String company,
      Model model,
      HttpServletResponse response,
      RedirectAttributes redirect) {
    try {
      audiences.putContact(id, email, name, company, Map.of());
    } catch (InvalidInputException e) {
      if (e.code().startsWith("no-such-")) {
        throw e;
      }
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute("form", new ContactForm(email, name, company));
      return show(id, 0, "", model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/audiences/" + id;
  }

  @PostMapping("/audiences/{id}/contacts/{contactId}/delete")
  @PreAuthorize(WRITE)
  String removeContact(
      @PathVariable long id, @PathVariable long contactId, RedirectAttributes redirect) {
    audiences.removeContact(id, contactId);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/audiences/" + id;
  }

  @PostMapping("/audiences/{id}/delete")
  @PreAuthorize(WRITE)
  String delete(@PathVariable long id, RedirectAttributes redirect) {
    audiences.delete(id);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/audiences";
  }

  /** The add-contact form, filled back in after an error. */
  record ContactForm(String email, String name, String company) {}
}
