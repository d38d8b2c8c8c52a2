package dev.hikyaku.identity;

import dev.hikyaku.identity.network.ClientAddressResolver;
import dev.hikyaku.identity.tokens.ApiTokenAuthentication;
import dev.hikyaku.shared.Actor;
import dev.hikyaku.shared.AuditedAction;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is acting in the current request and from where, for the operation log; and a short way to
 * record an action.
 */
@Component
public class CurrentActor {

  private final ClientAddressResolver addresses;
  private final ApplicationEventPublisher events;
  private final boolean cli;

  CurrentActor(
      ClientAddressResolver addresses,
      ApplicationEventPublisher events,
      org.springframework.core.env.Environment environment) {
    this.addresses = addresses;
    this.events = events;
    this.cli = environment.matchesProfiles("cli");
  }

  public Actor actor() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof ApiTokenAuthentication token) {
      return Actor.apiToken(token.user().username(), token.publicId());
    }
    if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
      return Actor.user(user.username());
    }
    if (request().isPresent()) {
      return Actor.anonymous("");
    }
    return cli ? Actor.cli() : Actor.system();
  }

  /**
   * The person acting, signed in to the console or through their API token; empty for the system,
   * the CLI and anonymous requests.
   */
  public Optional<SignedInUser> person() {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    if (auth instanceof ApiTokenAuthentication token) {
      return Optional.of(token.user());
    }
    if (auth != null && auth.getPrincipal() instanceof SignedInUser user) {
      return Optional.of(user);
    }
    return Optional.empty();
  }

  /** The client address under the trusted-proxy rules, or "" outside a request. */
  public String ip() {
    return request().map(r -> addresses.resolve(r).getHostAddress()).orElse("");
  }

  /** Publishes a successful action by the current actor. */
  public void record(String action, String target, String before, String after) {
    events.publishEvent(
        AuditedAction.success(actor(), ip(), action, target).withChange(before, after));
  }

  /** Publishes an action that was refused. */
  public void recordDenied(String action, String target, String reason) {
    events.publishEvent(
        new AuditedAction(actor(), ip(), action, target, AuditedAction.Outcome.DENIED, "", reason));
  }

  private static Optional<HttpServletRequest> request() {
    return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
        ? Optional.of(a.getRequest())
        : Optional.empty();
  }
}
