package dev.hikyaku.mailauth.dmarc;

import java.util.Optional;

/** The psd tag of a DMARC Policy Record (RFC 9989 §4.7). */
public enum PsdFlag {
  /** The record is published by a Public Suffix Operator for a PSD. */
  YES("y"),
  /** The domain is not a PSD and is the Organizational Domain for itself and its subdomains. */
  NO("n"),
  /** The default: not a PSD; the DNS Tree Walk (§4.10) finds the Organizational Domain. */
  UNSPECIFIED("u");

  private final String tagValue;

  PsdFlag(String tagValue) {
    this.tagValue = tagValue;
  }

  /** The tag value: {@code y}, {@code n} or {@code u}. */
  public String tagValue() {
    return tagValue;
  }

  /** The flag for a tag value, case-insensitive; empty if it is not y, n or u. */
  public static Optional<PsdFlag> fromTagValue(String value) {
    return switch (value) {
      case "y", "Y" -> Optional.of(YES);
      case "n", "N" -> Optional.of(NO);
      case "u", "U" -> Optional.of(UNSPECIFIED);
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    return tagValue;
  }
}
