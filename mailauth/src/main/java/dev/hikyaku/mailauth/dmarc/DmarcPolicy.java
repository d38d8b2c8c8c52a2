package dev.hikyaku.mailauth.dmarc;

import java.util.Locale;
import java.util.Optional;

/** A Domain Owner Assessment Policy: the values of the p, sp and np tags (RFC 9989 §4.7). */
public enum DmarcPolicy {
  /** No expression of preference. */
  NONE,
  /** Such mail is suspicious. */
  QUARANTINE,
  /** Such mail is not a valid use of the domain. */
  REJECT;

  /** The RFC name: {@code none}, {@code quarantine} or {@code reject}. */
  public String rfcName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The policy for a tag value; case-insensitive as ABNF strings are (RFC 9989 §4.8). */
  public static Optional<DmarcPolicy> fromTagValue(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "none" -> Optional.of(NONE);
      case "quarantine" -> Optional.of(QUARANTINE);
      case "reject" -> Optional.of(REJECT);
      default -> Optional.empty();
    };
  }

  /**
   * The policy one level below this one, as {@code t=y} asks (RFC 9989 §4.7): reject becomes
   * quarantine, quarantine becomes none, and none stays none.
   */
  public DmarcPolicy oneLevelBelow() {
    return switch (this) {
      case REJECT -> QUARANTINE;
      case QUARANTINE, NONE -> NONE;
    };
  }

  @Override
  public String toString() {
    return rfcName();
  }
}
