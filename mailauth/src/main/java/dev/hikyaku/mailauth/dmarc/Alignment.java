package dev.hikyaku.mailauth.dmarc;

import java.util.Optional;

/** An Identifier Alignment mode: the values of the adkim and aspf tags (RFC 9989 §4.7). */
public enum Alignment {
  /** The Author Domain and the identifier have the same Organizational Domain (§3.2.10.1). */
  RELAXED("r"),
  /** The Author Domain and the identifier are identical (§3.2.10.2). */
  STRICT("s");

  private final String tagValue;

  Alignment(String tagValue) {
    this.tagValue = tagValue;
  }

  /** The tag value: {@code r} or {@code s}. */
  public String tagValue() {
    return tagValue;
  }

  /** The mode for a tag value, case-insensitive; empty if it is neither r nor s. */
  public static Optional<Alignment> fromTagValue(String value) {
    return switch (value) {
      case "r", "R" -> Optional.of(RELAXED);
      case "s", "S" -> Optional.of(STRICT);
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    return tagValue;
  }
}
