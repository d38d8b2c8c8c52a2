package dev.hikyaku.identity.settings;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/settings}: run-time settings, for admins' tokens. */
@RestController
@RequestMapping("/api/v1/settings")
class SettingsApiController {

  private final SettingsService settings;

  SettingsApiController(SettingsService settings) {
    this.settings = settings;
  }

  @GetMapping
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_settings:read')")
  SettingsService.Settings get() {
    return settings.current();
  }

  @PutMapping
  @PreAuthorize("hasRole('ADMIN') and hasAuthority('SCOPE_settings:write')")
  SettingsService.Settings put(@RequestBody SettingsService.Settings wanted) {
    return settings.update(wanted);
  }
}
