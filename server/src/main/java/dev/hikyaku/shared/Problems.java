package dev.hikyaku.shared;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem documents with Hikyaku's problem types, for controllers and filters alike. */
public final class Problems {

  /** Base of every problem type URI, e.g. {@code https://hikyaku.dev/problems/ip-rule}. */
  public static final String TYPE_BASE = "https://hikyaku.dev/problems/";

  private Problems() {}

  public static ProblemDetail of(HttpStatus status, String type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(URI.create(TYPE_BASE + type));
    if (title != null) {
      p.setTitle(title);
    }
    return p;
  }

  /** Writes {@code problem} as the response, from places outside Spring MVC (filters). */
  public static void write(HttpServletResponse response, ProblemDetail problem, JsonMapper json)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write(json.writeValueAsString(problem));
  }
}
