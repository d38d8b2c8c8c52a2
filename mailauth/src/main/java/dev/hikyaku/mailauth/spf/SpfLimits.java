package dev.hikyaku.mailauth.spf;

import java.time.Duration;

/**
 * The processing limits of RFC 7208 §4.6.4.
 *
 * @param dnsMechanisms mechanisms and modifiers that cause DNS lookups, per check (10)
 * @param voidLookups lookups that return no records or NXDOMAIN (2)
 * @param addressesPerMxOrPtr address lookups per {@code mx} or {@code ptr} evaluation (10)
 * @param timeBudget the whole evaluation's time limit, after which it is {@code temperror} (the RFC
 *     asks for at least 20 s)
 */
public record SpfLimits(
    int dnsMechanisms, int voidLookups, int addressesPerMxOrPtr, Duration timeBudget) {

  /** The limits RFC 7208 requires: 10, 2 and 10 lookups, and 20 s. */
  public static final SpfLimits RFC_7208 = new SpfLimits(10, 2, 10, Duration.ofSeconds(20));

  public SpfLimits {
    if (dnsMechanisms < 1 || voidLookups < 0 || addressesPerMxOrPtr < 1) {
      throw new IllegalArgumentException("SPF limits must be positive");
    }
    if (timeBudget.isNegative() || timeBudget.isZero()) {
      throw new IllegalArgumentException("SPF time budget must be positive");
    }
  }
}
