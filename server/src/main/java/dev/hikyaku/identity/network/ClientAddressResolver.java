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
        client = Cidr.literal(hops.get(i), "X-Forwarded-For");
      } catch (RuntimeException malformed) {
        return client; // A garbled hop: stop at the last address a trusted proxy vouched for.
      }
      if (!trusted(client)) {
        return client;
      }
    }
    return client;
  }

  private boolean trusted(InetAddress address) {
    return trustedProxies.stream().anyMatch(c -> c.contains(address));
  }
}
