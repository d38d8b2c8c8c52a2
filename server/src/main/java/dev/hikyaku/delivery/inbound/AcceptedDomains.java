package dev.hikyaku.delivery.inbound;

import dev.hikyaku.delivery.DeliveryProperties;
import dev.hikyaku.domains.SendingDomainService;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * The domains the listener takes mail for: the configured list, or by default the return-path
 * domains of the sending domains (looked up at each RCPT, so a domain added in the console counts
 * at once).
 */
@Component
class AcceptedDomains implements Predicate<String> {

  private final List<String> configured;
  private final SendingDomainService domains;

  AcceptedDomains(DeliveryProperties properties, SendingDomainService domains) {
    this.configured = properties.bounceListener().acceptedDomains();
    this.domains = domains;
  }

  @Override
  public boolean test(String domain) {
    String name = domain.toLowerCase(Locale.ROOT);
    if (!configured.isEmpty()) {
      return configured.contains(name);
    }
    return domains.list().stream().anyMatch(d -> d.returnPathDomain().equalsIgnoreCase(name));
  }
}
