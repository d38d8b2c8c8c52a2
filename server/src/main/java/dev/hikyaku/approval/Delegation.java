package dev.hikyaku.approval;

import java.time.Instant;
import java.util.Optional;

/**
 * A proxy who approves in an absent approver's place from {@code validFrom} until {@code
 * validUntil}. The proxy's decision counts as the approver's; the proxy still may not approve what
 * they wrote.
 */
public record Delegation(
    long id,
    String approver,
    String proxy,
    Instant validFrom,
    Instant validUntil,
    String reason,
    String createdBy,
    Instant createdAt,
    Optional<Instant> revokedAt) {

  public boolean activeAt(Instant now) {
    return revokedAt.isEmpty() && !now.isBefore(validFrom) && now.isBefore(validUntil);
  }
}
