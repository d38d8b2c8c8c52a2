package dev.hikyaku.delivery.mtasts;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One {@code mx} entry of a policy: a host name such as {@code mx1.example.com}, or a wildcard
 * {@code *.example.com} that stands for exactly one leftmost label (RFC 8461 §3.2, §4.1).
 *
 * @param pattern the pattern in lower case, without a trailing dot
 */
public record MxPattern(String pattern) {

  // RFC 8461 §3.2: sts-policy-mx-value = ["*."] Domain, Domain as in RFC 5321 §4.1.2 (LDH labels).
  private static final Pattern SYNTAX =
      Pattern.compile(
          "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");

  public MxPattern {
    Objects.requireNonNull(pattern, "pattern");
    if (!isValid(pattern)) {
      throw new IllegalArgumentException("not an MTA-STS mx pattern: " + printable(pattern));
    }
  }

  /** Whether {@code value} is a pattern in canonical form (lower case, no trailing dot). */
  static boolean isValid(String value) {
    return value.length() <= 255 && SYNTAX.matcher(value).matches();
  }

  /** The pattern for a policy value: lower-cased, a trailing dot dropped. */
  public static MxPattern of(String value) {
    return new MxPattern(normalise(value));
  }

  /** Lower case without a trailing dot, as patterns and host names are compared. */
  static String normalise(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    return n.endsWith(".") ? n.substring(0, n.length() - 1) : n;
  }

  /** Whether this is a {@code *.} wildcard. */
  public boolean isWildcard() {
    return pattern.startsWith("*.");
  }

  /**
   * Whether the MX host name {@code host} matches: equal ignoring case and a trailing dot, or for a
   * wildcard, one label followed by the rest of the pattern (RFC 8461 §4.1: {@code *.example.com}
   * matches {@code mx1.example.com} but neither {@code example.com} nor {@code a.b.example.com}).
   */
  public boolean matches(String host) {
    String h = normalise(host);
    if (!isWildcard()) {
      return h.equals(pattern);
    }
    String suffix = pattern.substring(1); // ".example.com"
    if (!h.endsWith(suffix)) {
      return false;
    }
    String label = h.substring(0, h.length() - suffix.length());
    return !label.isEmpty() && label.indexOf('.') < 0;
  }

  static String printable(String s) {
    String cut = s.length() > 80 ? s.substring(0, 80) + "..." : s;
    return cut.codePoints()
        .map(c -> c < 0x20 || c == 0x7f ? '?' : c)
        .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
        .toString();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
