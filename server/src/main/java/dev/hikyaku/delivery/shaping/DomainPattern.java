package dev.hikyaku.delivery.shaping;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The domains one shaping rule applies to: an exact domain ({@code docomo.ne.jp}) or every domain
 * strictly below a suffix ({@code *.example.jp}, which does not match {@code example.jp} itself;
 * list both when both are meant).
 *
 * @param value the pattern in lower case, without a trailing dot
 */
public record DomainPattern(String value) {

  // RFC 1123 §2.1 labels; underscores are tolerated because some mail domains carry them.
  private static final Pattern LABEL = Pattern.compile("[a-z0-9_]([a-z0-9_-]{0,61}[a-z0-9_])?");

  public DomainPattern {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("a domain pattern is required");
    }
    String v = value.strip().toLowerCase(Locale.ROOT);
    if (v.endsWith(".")) {
      v = v.substring(0, v.length() - 1);
    }
    String name = v.startsWith("*.") ? v.substring(2) : v;
    boolean valid = !name.isEmpty() && name.length() <= 253;
    for (String label : name.split("\\.", -1)) {
      valid &= LABEL.matcher(label).matches();
    }
    if (!valid) {
      throw new IllegalArgumentException(
          "not a domain or *.suffix pattern: '" + value.strip() + "'");
    }
    value = v;
  }

  /** Whether this is a {@code *.suffix} pattern. */
  public boolean wildcard() {
    return value.startsWith("*.");
  }

  /** The domain of an exact pattern, or the suffix (without {@code *.}) of a wildcard. */
  public String domain() {
    return wildcard() ? value.substring(2) : value;
  }

  /** Whether {@code domain} (normalised, see {@link ShapingPolicy#normalise}) is matched. */
  public boolean matches(String domain) {
    return wildcard() ? domain.endsWith("." + domain()) : domain.equals(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
