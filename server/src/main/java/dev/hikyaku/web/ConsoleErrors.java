package dev.hikyaku.web;

import dev.hikyaku.identity.network.NetworkDeniedException;
import dev.hikyaku.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** Console-side error pages for what controllers raise: IP-rule refusals and invalid input. */
@ControllerAdvice(annotations = Controller.class)
class ConsoleErrors {

  @ExceptionHandler
  String networkDenied(NetworkDeniedException e, Model model, HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    model.addAttribute("denial", e.denial());
    return "error/network";
  }

  /**
   * Input the console's own forms do not catch (an unknown id in the address, mostly): 404 for
   * something that does not exist, 400 otherwise, never a 500.
   */
  @ExceptionHandler
  String invalidInput(InvalidInputException e, Model model, HttpServletResponse response) {
    int status = e.code().startsWith("no-such-") ? 404 : 400;
    response.setStatus(status);
    model.addAttribute("status", status);
    model.addAttribute("error", e);
    return "error";
  }
}
