package dev.hikyaku.identity.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The admin's settings page. */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SettingsController {

  private final SettingsService settings;

  SettingsController(SettingsService settings) {
    this.settings = settings;
  }

  @GetMapping("/admin/settings")
  String show(Model model) {
    model.addAttribute("settings", settings.current());
    return "admin/settings";
  }

  @PostMapping("/admin/settings")
  String save(
      @RequestParam(defaultValue = "false") boolean mfaRequiredForAll,
      RedirectAttributes redirect) {
    settings.update(new SettingsService.Settings(mfaRequiredForAll));
    redirect.addFlashAttribute("saved", true);
    return "redirect:/admin/settings";
  }
}
