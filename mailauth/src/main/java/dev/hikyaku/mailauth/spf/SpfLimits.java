package dev.hikyaku.mailauth.spf;

/**
 * The processing limits of RFC 7208 §4.6.4.
 *
 * @param dnsMechanisms mechanisms and modifiers that cause DNS lookups, per check (10)
 * @param voidLookups lookups that return no records or NXDOMAIN (2)
 * @param addressesPerMxOrPtr address lookups per {@code mx} or {@code ptr} evaluation (10)
 */
public record SpfLimits(int dnsMechanisms, int voidLookups, int addressesPerMxOrPtr) {

  /** The limits RFC 7208 requires: 10, 2 and 10. */
  public static final SpfLimits RFC_7208 = new SpfLimits(10, 2, 10);

  public SpfLimits {
    if (dnsMechanisms < 1 || voidLookups < 0 || addressesPerMxOrPtr < 1) {
      throw new IllegalArgumentException("SPF limits must be positive");
    }
  }
}
