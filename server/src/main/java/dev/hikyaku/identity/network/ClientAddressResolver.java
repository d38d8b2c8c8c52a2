package dev.hikyaku.identity.network;

import dev.hikyaku.identity.IdentityProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The client's address. {@code X-Forwarded-For} is read only when the connection comes from a
 * configured trusted proxy, and then from the right, skipping trusted proxies, so a client cannot
 * choose its own address by sending the header.
 */
@Component
public class ClientAddressResolver {

  private final List<Cidr> trustedProxies;

  public ClientAddressResolver(IdentityProperties properties) {
    this.trustedProxies = properties.trustedProxies().stream().map(Cidr::parse).toList();
  }

  public InetAddress resolve(HttpServletRequest request) {
    InetAddress peer = Cidr.literal(request.getRemoteAddr(), "remote address");
    if (!trusted(peer)) {
      return peer;
    }
    var forwarded = request.getHeaders("X-Forwarded-For");
    var hops = new java.util.ArrayList<String>();
    while (forwarded.hasMoreElements()) {
      for (String hop : forwarded.nextElement().split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    InetAddress client = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      try {
        client = Cidr.literal(withoutPort(hops.get(i)), "X-Forwarded-For");
      } catch (RuntimeException malformed) {
        // Fail closed: an entry we cannot read must not make the client look like the proxy
        // (which an admin may well have allowed). The unspecified address matches no real rule.
        return UNREADABLE;
      }
      if (!trusted(client)) {
        return client;
      }
    }
    return client;
  }

  /** What a client whose forwarded address cannot be read is taken to be. */
  static final InetAddress UNREADABLE = Cidr.literal("::", "unspecified");

  /** {@code 192.0.2.1:4711} and {@code [2001:db8::1]:4711} as some proxies write them. */
  static String withoutPort(String hop) {
    if (hop.startsWith("[")) {
      int end = hop.indexOf(']');
      return end > 0 ? hop.substring(1, end) : hop;
    }
    int colon = hop.indexOf(':');
    return colon > 0 && colon == hop.lastIndexOf(':') ? hop.substring(0, colon) : hop;
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(c -> c.contains(address));
  }
}
