package dev.hikyaku.delivery.mtasts;

import java.time.Instant;
import java.util.Objects;

/** What {@link MtaStsResolver} found for a recipient domain. */
public sealed interface MtaStsResult {

  /** The domain publishes no MTA-STS policy (or no usable TXT record): deliver as usual. */
  record NoPolicy(String reason) implements MtaStsResult {
    public NoPolicy {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /**
   * The policy to apply: freshly fetched, or cached and not expired.
   *
   * @param policy the policy
   * @param id the {@code id} of the TXT record it was fetched under
   * @param fetchedAt when it was fetched; it expires {@code policy.maxAge()} later
   */
  record Policy(MtaStsPolicy policy, String id, Instant fetchedAt) implements MtaStsResult {
    public Policy {
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(fetchedAt, "fetchedAt");
    }

    /** When this policy stops being valid (RFC 8461 §3.2 {@code max_age}). */
    public Instant expiresAt() {
      return fetchedAt.plus(policy.maxAge());
    }
  }

  /**
   * The domain announces a policy but it could not be had and none is cached: deliver as without a
   * policy (RFC 8461 §3.3), and report the failure.
   */
  record TemporaryFailure(MtaStsFailure cause, String reason) implements MtaStsResult {
    public TemporaryFailure {
      Objects.requireNonNull(cause, "cause");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
