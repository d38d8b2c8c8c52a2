package dev.hikyaku.identity.network;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.IpScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the LOGIN rule to the console and the API rule to {@code /api}, before authentication. A
 * refused request is logged and answered 403 by {@code /network-denied}, which names the rule.
 */
public class NetworkRuleFilter extends OncePerRequestFilter {

  private final IpScope scope;
  private final IpRuleService rules;
  private final ClientAddressResolver addresses;
  private final CurrentActor actor;
  private final DeniedResponses responses;

  public NetworkRuleFilter(
      IpScope scope,
      IpRuleService rules,
      ClientAddressResolver addresses,
      CurrentActor actor,
      DeniedResponses responses) {
    this.scope = scope;
    this.rules = rules;
    this.addresses = addresses;
    this.actor = actor;
    this.responses = responses;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    var denial = rules.check(scope, addresses.resolve(request));
    if (denial.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    actor.recordDenied(
        "network.denied",
        request.getMethod() + " " + request.getRequestURI(),
        denial.get().auditDetail());
    if (scope == IpScope.API) {
      responses.problem(denial.get(), request, response);
    } else {
      responses.page(denial.get(), request, response);
    }
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/css/")
        || path.startsWith("/js/")
        || path.startsWith("/webjars/")
        || path.startsWith("/favicon.")
        || path.startsWith("/actuator/health");
  }
}
