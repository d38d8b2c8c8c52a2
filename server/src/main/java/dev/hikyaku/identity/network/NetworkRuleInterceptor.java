package dev.hikyaku.identity.network;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.RequiresNetwork;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/** Enforces {@link RequiresNetwork} on handler methods (the SEND rule for sending actions). */
@Component
public class NetworkRuleInterceptor implements HandlerInterceptor {

  private final IpRuleService rules;
  private final ClientAddressResolver addresses;
  private final CurrentActor actor;

  NetworkRuleInterceptor(IpRuleService rules, ClientAddressResolver addresses, CurrentActor actor) {
    this.rules = rules;
    this.addresses = addresses;
    this.actor = actor;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (handler instanceof HandlerMethod method) {
      RequiresNetwork required = method.getMethodAnnotation(RequiresNetwork.class);
      if (required != null) {
        var denial = rules.check(required.value(), addresses.resolve(request));
        if (denial.isPresent()) {
          actor.recordDenied(
              "network.denied",
              request.getMethod() + " " + request.getRequestURI(),
              denial.get().auditDetail());
          throw new NetworkDeniedException(denial.get());
        }
      }
    }
    return true;
  }
}
