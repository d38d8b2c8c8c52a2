package dev.hikyaku.identity.network;

import dev.hikyaku.identity.IpScope;
import java.time.Instant;

/** One allowed network for one scope. */
public record IpRule(
    long id, IpScope scope, Cidr cidr, String label, String createdBy, Instant createdAt) {

  public String describe() {
    return label + " (" + cidr + ")";
  }
}
