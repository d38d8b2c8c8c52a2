package dev.hikyaku.mailauth.dmarc;

import java.net.IDN;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A DNS domain name as DMARC compares it: lower case, no trailing dot, U-labels converted to
 * A-labels (RFC 9989 §5.3.1), every label 1 to 63 octets and the whole name at most 253.
 *
 * <p>Labels may hold letters, digits, hyphens and underscores; IP literals such as {@code
 * [192.0.2.1]} and names with empty labels are refused.
 */
public record DnsDomain(String name) {

  public DnsDomain {
    Objects.requireNonNull(name, "name");
    name = normalize(name);
  }

  /** The domain for {@code text}, or empty if it is not a valid domain name. */
  public static Optional<DnsDomain> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new DnsDomain(text));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** The domain for {@code text}; throws {@link IllegalArgumentException} if it is not valid. */
  public static DnsDomain of(String text) {
    return new DnsDomain(text);
  }

  /** The labels from left to right: {@code [mail, example, com]}. */
  public List<String> labels() {
    return List.of(name.split("\\.", -1));
  }

  /** The number of labels. */
  public int labelCount() {
    int count = 1;
    for (int i = 0; i < name.length(); i++) {
      if (name.charAt(i) == '.') {
        count++;
      }
    }
    return count;
  }

  /** The domain without its left-most label, or empty for a single-label name. */
  public Optional<DnsDomain> parent() {
    int dot = name.indexOf('.');
    return dot < 0 ? Optional.empty() : Optional.of(new DnsDomain(name.substring(dot + 1)));
  }

  /** The right-most {@code count} labels; the name itself if it has no more than that. */
  public DnsDomain lastLabels(int count) {
    if (count < 1) {
      throw new IllegalArgumentException("a domain has at least one label");
    }
    List<String> labels = labels();
    if (labels.size() <= count) {
      return this;
    }
    return new DnsDomain(String.join(".", labels.subList(labels.size() - count, labels.size())));
  }

  /** Whether this is {@code other} or a name below it. */
  public boolean isWithin(DnsDomain other) {
    return name.equals(other.name) || name.endsWith("." + other.name);
  }

  /** Whether this is a name strictly below {@code other}. */
  public boolean isSubdomainOf(DnsDomain other) {
    return name.endsWith("." + other.name);
  }

  /** The name where this domain's DMARC Policy Record lives: {@code _dmarc.<name>} (§4.5). */
  public String dmarcName() {
    return "_dmarc." + name;
  }

  @Override
  public String toString() {
    return name;
  }

  private static String normalize(String text) {
    String n = text.strip();
    if (n.endsWith(".")) {
      n = n.substring(0, n.length() - 1);
    }
    if (n.isEmpty() || n.length() > 253 * 4) {
      throw new IllegalArgumentException("not a domain name: " + abbreviate(text));
    }
    if (!n.chars().allMatch(c -> c < 0x80)) {
      // RFC 9989 §5.3.1: a U-label is converted to an A-label before any processing.
      n = IDN.toASCII(n, IDN.ALLOW_UNASSIGNED);
    }
    n = n.toLowerCase(Locale.ROOT);
    if (n.length() > 253) {
      throw new IllegalArgumentException("domain name longer than 253 octets: " + abbreviate(n));
    }
    int labelStart = 0;
    for (int i = 0; i <= n.length(); i++) {
      char c = i < n.length() ? n.charAt(i) : '.';
      if (c == '.') {
        int length = i - labelStart;
        if (length < 1 || length > 63) {
          throw new IllegalArgumentException("bad label length in domain: " + abbreviate(n));
        }
        labelStart = i + 1;
      } else if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_')) {
        throw new IllegalArgumentException("bad character in domain: " + abbreviate(n));
      }
    }
    return n;
  }

  private static String abbreviate(String text) {
    return text.length() <= 80 ? text : text.substring(0, 80) + "...";
  }
}
