package dev.hikyaku.delivery.mtasts;

import java.util.Locale;
import java.util.Optional;

/** What a policy asks of senders when an MX host fails validation (RFC 8461 §5). */
public enum MtaStsMode {
  /** Do not deliver to an MX host that fails validation. */
  ENFORCE,
  /** Deliver as without a policy, but report validation failures (RFC 8460 TLSRPT). */
  TESTING,
  /** The domain has withdrawn its policy: nothing is required (RFC 8461 §8.3). */
  NONE;

  /** The value as it appears in a policy file: {@code enforce}, {@code testing} or {@code none}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The mode named exactly (case-sensitive, RFC 8461 §3.2 uses literal lower-case values). */
  static Optional<MtaStsMode> fromWireName(String value) {
    for (MtaStsMode mode : values()) {
      if (mode.wireName().equals(value)) {
        return Optional.of(mode);
      }
    }
    return Optional.empty();
  }
}
