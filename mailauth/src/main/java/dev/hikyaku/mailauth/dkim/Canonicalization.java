package dev.hikyaku.mailauth.dkim;

import java.util.Locale;
import java.util.Optional;

/** The two canonicalization algorithms of RFC 6376 §3.4, for the header and for the body. */
public enum Canonicalization {
  /** RFC 6376 §3.4.1 and §3.4.3: almost no change; breaks on any rewrapping. */
  SIMPLE,
  /** RFC 6376 §3.4.2 and §3.4.4: tolerates whitespace changes and header refolding. */
  RELAXED;

  /** The name used in the {@code c=} tag: {@code simple} or {@code relaxed}. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The algorithm named {@code name} exactly (tag values are case-sensitive), if known. */
  public static Optional<Canonicalization> fromRfcName(String name) {
    return switch (name) {
      case "simple" -> Optional.of(SIMPLE);
      case "relaxed" -> Optional.of(RELAXED);
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    return rfcName();
  }
}
