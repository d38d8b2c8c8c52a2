package dev.hikyaku.identity.security;

import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.identity.users.UserRepository;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session at its next request when the account was disabled, reset or had its roles
 * changed since sign-in (the account's epoch moved on). Works across cluster nodes because the
 * epoch lives in the database.
 */
final class SessionValidityFilter extends OncePerRequestFilter {

  private final UserRepository users;

  SessionValidityFilter(UserRepository users) {
    this.users = users;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth != null && auth.getPrincipal() instanceof SignedInUser signedIn) {
      boolean valid =
          users
              .findById(signedIn.id())
              .filter(u -> u.enabled() && u.sessionEpoch() == signedIn.sessionEpoch())
              .isPresent();
      if (!valid) {
        SecurityContextHolder.clearContext();
        var session = request.getSession(false);
        if (session != null) {
          session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/login?ended");
        return;
      }
    }
    chain.doFilter(request, response);
  }
}
