package dev.hikyaku.identity.security;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.tokens.ApiTokenService;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Authenticates {@code Authorization: Bearer hky_...} on the API. A presented but invalid token is
 * refused at once (401) rather than treated as anonymous; every write made with a token is logged
 * with its outcome.
 */
final class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final ApiTokenService tokens;
  private final ProblemResponses problems;
  private final CurrentActor actor;

  ApiTokenAuthenticationFilter(
      ApiTokenService tokens, ProblemResponses problems, CurrentActor actor) {
    this.tokens = tokens;
    this.problems = problems;
    this.actor = actor;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      chain.doFilter(request, response);
      return;
    }
    var auth = tokens.authenticate(header.substring(7).strip());
    if (auth.isEmpty()) {
      actor.recordDenied(
          "token.rejected",
          request.getMethod() + " " + request.getRequestURI(),
          "unknown, expired or revoked token, or disabled owner");
      // RFC 6750 §3.1: say which kind of failure this is.
      response.setHeader("WWW-Authenticate", "Bearer realm=\"hikyaku\", error=\"invalid_token\"");
      problems.write(
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          "invalid-token",
          "The API token is unknown, expired or revoked, or its owner is disabled.");
      return;
    }
    var context = SecurityContextHolder.createEmptyContext();
    context.setAuthentication(auth.get());
    SecurityContextHolder.setContext(context);
    try {
      chain.doFilter(request, response);
    } finally {
      if (!READS.contains(request.getMethod())) {
        actor.record(
            "token.use",
            request.getMethod() + " " + request.getRequestURI(),
            "",
            "status=" + response.getStatus());
      }
    }
  }
}
