package dev.hikyaku.domains;

import java.time.Instant;
import java.util.Optional;

/**
 * A domain Hikyaku sends as.
 *
 * @param returnPathDomain where bounces go: the envelope sender is {@code bounce+<token>@} this
 * @param checkSummary the last verification, one line per record; empty before the first
 */
public record SendingDomain(
    long id,
    String name,
    String returnPathDomain,
    Status status,
    String createdBy,
    Instant createdAt,
    Optional<Instant> verifiedAt,
    Optional<Instant> checkedAt,
    String checkSummary) {

  /** Whether the domain may send. */
  public enum Status {
    UNVERIFIED,
    VERIFIED
  }

  public boolean verified() {
    return status == Status.VERIFIED;
  }
}
