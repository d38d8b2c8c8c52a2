package dev.hikyaku.web;

import dev.hikyaku.identity.network.NetworkDeniedException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Console-side handling of a sending action refused by an IP rule: a 403 page naming the rule. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrors {

  @ExceptionHandler
  String networkDenied(NetworkDeniedException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("denial", e.denial());
    return "error/network";
  }
}
