package dev.hikyaku.identity.network;

import dev.hikyaku.identity.IpScope;
import java.util.List;

/** Why a request's address is not allowed: the scope's rule and the networks it allows. */
public record NetworkDenial(IpScope scope, String address, List<IpRule> allowed) {

  public String message() {
    return "IP rule '"
        + scope.key()
        + "' does not allow "
        + address
        + "; allowed networks: "
        + String.join(", ", allowed.stream().map(IpRule::describe).toList());
  }
}
