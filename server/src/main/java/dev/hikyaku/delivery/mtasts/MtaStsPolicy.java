package dev.hikyaku.delivery.mtasts;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * A domain's MTA-STS policy (RFC 8461 §3.2): the mode, the MX host patterns its mail servers match,
 * and how long a sender may cache it.
 *
 * @param mode enforce, testing or none
 * @param mx the allowed MX patterns; at least one unless the mode is none
 * @param maxAge how long the policy may be cached, 0 to 31557600 seconds
 */
public record MtaStsPolicy(MtaStsMode mode, List<MxPattern> mx, Duration maxAge) {

  /** The only policy version there is. */
  public static final String VERSION = "STSv1";

  /** The largest {@code max_age} a policy may give (RFC 8461 §3.2: 31557600 s, about a year). */
  public static final Duration MAX_AGE_LIMIT = Duration.ofSeconds(31_557_600);

  public MtaStsPolicy {
    Objects.requireNonNull(mode, "mode");
    mx = List.copyOf(mx);
    Objects.requireNonNull(maxAge, "maxAge");
    if (maxAge.isNegative() || maxAge.compareTo(MAX_AGE_LIMIT) > 0) {
      throw new IllegalArgumentException("max_age must be 0 to 31557600 s, not " + maxAge);
    }
    if (mx.isEmpty() && mode != MtaStsMode.NONE) {
      // A policy that allows no MX host would stop all mail in enforce mode.
      throw new IllegalArgumentException("an " + mode.wireName() + " policy needs an mx pattern");
    }
  }

  /**
   * Parses a policy file body: {@code key: value} lines ended by CRLF or LF; unknown keys are
   * ignored and only the first of a repeated non-{@code mx} key counts (RFC 8461 §3.2). Never
   * throws for bad input.
   */
  public static PolicyParseResult parse(String body) {
    return MtaStsPolicyParser.parse(body);
  }

  /** Whether {@code host} matches one of the {@code mx} patterns (RFC 8461 §4.1). */
  public boolean allows(String host) {
    return mx.stream().anyMatch(p -> p.matches(host));
  }
}
