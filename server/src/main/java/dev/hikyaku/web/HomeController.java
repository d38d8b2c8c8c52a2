package dev.hikyaku.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The dashboard every signed-in person lands on; it shows what their roles let them do. */
@Controller
class HomeController {

  @GetMapping("/")
  @PreAuthorize("isAuthenticated()")
  String home() {
    return "home";
  }
}
