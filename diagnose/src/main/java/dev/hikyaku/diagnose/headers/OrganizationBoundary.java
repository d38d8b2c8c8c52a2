package dev.hikyaku.diagnose.headers;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * Where a message leaves the sender's organisation, by a deliberately simple heuristic on
 * organizational domains (see {@link OrganizationalDomain}).
 *
 * <p>The sender's organisations are those of the From field's domains and of the first hop's
 * sending host. Walking the hops in transit order, a hop whose {@code by} host is in one of them
 * stays inside; so does a hop whose {@code by} and sending host share an organisation (a provider
 * handing mail to itself, such as outlook.com's internal hops), which then joins the set. The first
 * other hop with a {@code by} domain is the first external one. Hops whose {@code by} is an address
 * or a bare name are skipped. With no sender organisation known, the first hop's {@code by} is
 * taken as the sender's.
 */
final class OrganizationBoundary {

  private OrganizationBoundary() {}

  /** The index of the first external hop in {@code hops} (transit order), if any. */
  static OptionalInt firstExternal(List<ReceivedField> hops, Collection<String> fromDomains) {
    Set<String> inside = new HashSet<>();
    for (String domain : fromDomains) {
      OrganizationalDomain.of(domain).ifPresent(inside::add);
    }
    if (!hops.isEmpty()) {
      sendingOrganization(hops.get(0)).ifPresent(inside::add);
    }
    for (int i = 0; i < hops.size(); i++) {
      ReceivedField hop = hops.get(i);
      Optional<String> by = hop.by().flatMap(OrganizationalDomain::of);
      if (by.isEmpty() || inside.contains(by.get())) {
        continue;
      }
      if (inside.isEmpty() || by.equals(sendingOrganization(hop))) {
        inside.add(by.get());
        continue;
      }
      return OptionalInt.of(i);
    }
    return OptionalInt.empty();
  }

  /**
   * Whether a hop after the first external one crosses the internet too: its sending host and its
   * {@code by} host are in different organisations and the sending address is not internal.
   */
  static boolean crosses(ReceivedField hop) {
    Optional<String> by = hop.by().flatMap(OrganizationalDomain::of);
    Optional<String> from = sendingOrganization(hop);
    return by.isPresent() && from.isPresent() && !by.equals(from) && !internalAddress(hop);
  }

  /** Whether the receiver recorded a loopback, private or link-local sending address. */
  static boolean internalAddress(ReceivedField hop) {
    return hop.fromAddress().map(IpText::isInternal).orElse(false);
  }

  /** The sending host's organisation: of its reverse DNS name, else of its HELO name. */
  private static Optional<String> sendingOrganization(ReceivedField hop) {
    return hop.fromHostName()
        .flatMap(OrganizationalDomain::of)
        .or(() -> hop.helo().flatMap(OrganizationalDomain::of));
  }
}
