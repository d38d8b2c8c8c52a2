package dev.hikyaku.identity.network;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Renders a refusal by {@link NetworkRuleFilter}: a page for the console, a problem document for
 * the API. Reached only by the filter's forward; asked for directly, it does not exist.
 */
@Controller
class NetworkDeniedController {

  private final JsonMapper json;

  NetworkDeniedController(JsonMapper json) {
    this.json = json;
  }

  @RequestMapping("/network-denied")
  String denied(HttpServletRequest request, HttpServletResponse response, Model model)
      throws IOException {
    if (!(request.getAttribute(NetworkRuleFilter.DENIAL) instanceof NetworkDenial denial)) {
      response.sendError(HttpServletResponse.SC_NOT_FOUND);
      return null;
    }
    response.setStatus(HttpServletResponse.SC_FORBIDDEN);
    String original = (String) request.getAttribute("jakarta.servlet.forward.request_uri");
    if (original != null && original.startsWith(request.getContextPath() + "/api/")) {
      ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, denial.message());
      p.setType(URI.create("https://hikyaku.dev/problems/ip-rule"));
      p.setTitle("Network not allowed");
      p.setProperty("rule", denial.scope().key());
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("UTF-8");
      response.getWriter().write(json.writeValueAsString(p));
      return null;
    }
    model.addAttribute("denial", denial);
    return "error/network";
  }
}
