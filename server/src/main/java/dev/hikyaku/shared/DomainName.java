package dev.hikyaku.shared;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A fully qualified host or mail domain as people type it, normalised: lower case, no trailing dot,
 * internationalised labels in their ASCII (A-label) form, at least two labels, at most 253
 * characters (RFC 1035 §2.3.4).
 */
public record DomainName(String value) {

  // RFC 1123 §2.1 host name labels; the last label must not be all digits (it would be an IP).
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

  public DomainName {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("domain", "required", "a domain name is required");
    }
    String v = value.strip();
    if (v.endsWith(".")) {
      v = v.substring(0, v.length() - 1);
    }
    try {
      v = IDN.toASCII(v, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("domain", "domain", "not a domain name: " + value);
    }
    String[] labels = v.split("\\.", -1);
    boolean valid = v.length() <= 253 && labels.length >= 2;
    for (String label : labels) {
      valid &= LABEL.matcher(label).matches();
    }
    if (!valid || labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
      throw new InvalidInputException("domain", "domain", "not a domain name: " + value);
    }
    value = v;
  }

  /** Whether this is {@code other} or a name below it. */
  public boolean isWithin(DomainName other) {
    return value.equals(other.value) || value.endsWith("." + other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
