package dev.hikyaku.delivery.shaping;

/**
 * Shaping settings that cannot be used: a limit out of range, a domain pattern that is not one, a
 * domain claimed by two configured groups. Raised when the policy is built, so a bad configuration
 * stops start-up rather than the first delivery.
 */
public final class InvalidShapingConfigurationException extends IllegalArgumentException {

  private final String key;

  /**
   * A configuration error.
   *
   * @param key the offending key below {@code hikyaku.delivery.shaping}, e.g. {@code
   *     groups.docomo.max-connections}
   * @param message what is wrong with it
   */
  public InvalidShapingConfigurationException(String key, String message) {
    super(key + ": " + message);
    this.key = key;
  }

  /** The offending key below {@code hikyaku.delivery.shaping}. */
  public String key() {
    return key;
  }
}
