package dev.hikyaku.identity.network;

import dev.hikyaku.identity.IpScope;
import java.util.List;

/** Why a request's address is not allowed: the scope's rule and the networks it allows. */
public record NetworkDenial(IpScope scope, String address, List<IpRule> allowed) {

  /**
   * What the refused client is told: the rule and its own address, not the allowed networks (an
   * outsider has no business learning the office's address ranges).
   */
  public String message() {
    return "IP rule '" + scope.key() + "' does not allow " + address;
  }

  /** What the operation log records: the message and the networks the rule allowed. */
  public String auditDetail() {
    return message()
        + "; allowed networks: "
        + String.join(", ", allowed.stream().map(IpRule::describe).toList());
  }
}
