package dev.hikyaku.identity.security;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for the API as RFC 9457 problem details; refusals are logged. */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

  private final JsonMapper json;
  private final CurrentActor actor;

  ProblemResponses(JsonMapper json, CurrentActor actor) {
    this.json = json;
    this.actor = actor;
  }

  @Override
  public void commence(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer realm=\"hikyaku\"");
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "unauthenticated",
        "A valid API token is required: Authorization: Bearer hky_...");
  }

  @Override
  public void handle(
      HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    actor.recordDenied(
        "access.denied",
        request.getMethod() + " " + request.getRequestURI(),
        "role or scope missing");
    write(
        request,
        response,
        HttpStatus.FORBIDDEN,
        "forbidden",
        "The token's scopes or its owner's roles do not allow this request.");
  }

  void write(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String type,
      String detail)
      throws IOException {
    ProblemDetail problem = Problems.of(status, type, null, detail);
    problem.setInstance(URI.create(request.getRequestURI()));
    Problems.write(response, problem, json);
  }
}
