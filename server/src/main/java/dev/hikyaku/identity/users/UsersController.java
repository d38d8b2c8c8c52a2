package dev.hikyaku.identity.users;

import dev.hikyaku.identity.Role;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's user pages: list, create (with a one-time setup link), edit, disable, reset. */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("hasRole('ADMIN')")
class UsersController {

  private final UserService service;

  UsersController(UserService service) {
    this.service = service;
  }

  @GetMapping
  String list(Model model) {
    model.addAttribute("users", service.all());
    model.addAttribute("roles", Role.values());
    return "admin/users";
  }

  @PostMapping
  String create(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(required = false) List<String> roles,
      Model model,
      HttpServletResponse response) {
    try {
      var created = service.create(new UserService.NewUser(username, displayName, email, roles));
      model.addAttribute("created", created.user());
      model.addAttribute("setupUrl", created.setupUrl());
      return "admin/user-link";
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      model.addAttribute(
          "form",
          new UserService.NewUser(username, displayName, email, roles == null ? List.of() : roles));
      return list(model);
    }
  }

  @GetMapping("/{id}")
  String edit(@PathVariable long id, Model model) {
    model.addAttribute("user", service.get(id));
    model.addAttribute("roles", Role.values());
    return "admin/user";
  }

  @PostMapping("/{id}")
  String update(
      @PathVariable long id,
      @RequestParam(defaultValue = "") String displayName,
      @RequestParam(defaultValue = "") String email,
      @RequestParam(required = false) List<String> roles,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      service.update(id, displayName, email, roles);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      return edit(id, model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/{id}/disable")
  String disable(
      @PathVariable long id,
      Model model,
      RedirectAttributes redirect,
      HttpServletResponse response) {
    try {
      service.disable(id);
    } catch (InvalidInputException e) {
      response.setStatus(400);
      model.addAttribute("error", e);
      return edit(id, model);
    }
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/{id}/enable")
  String enable(@PathVariable long id, RedirectAttributes redirect) {
    service.enable(id);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/{id}/unlock")
  String unlock(@PathVariable long id, RedirectAttributes redirect) {
    service.unlock(id);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/{id}/reset-mfa")
  String resetMfa(@PathVariable long id, RedirectAttributes redirect) {
    service.resetMfa(id);
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/users/" + id;
  }

  @PostMapping("/{id}/reset-access")
  String resetAccess(@PathVariable long id, Model model) {
    String url = service.resetAccess(id);
    model.addAttribute("created", service.get(id));
    model.addAttribute("setupUrl", url);
    return "admin/user-link";
  }
}
