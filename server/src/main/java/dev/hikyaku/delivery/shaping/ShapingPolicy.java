package dev.hikyaku.delivery.shaping;

import java.net.IDN;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which limits apply to a recipient domain: the group that lists it most specifically (an exact
 * pattern, else the longest matching {@code *.suffix}), or the default rule, under which each
 * domain has a budget of its own. Immutable and thread-safe.
 */
public final class ShapingPolicy {

  private final List<ShapingRule> groups;
  private final ShapingRule defaultRule;
  private final BackOffSchedule backOff;
  private final Duration busyRetry;
  private final Map<String, ShapingRule> exact = new HashMap<>();
  private final Map<String, ShapingRule> suffixes = new HashMap<>();

  /**
   * A policy of the given groups.
   *
   * @param groups named groups; no name and no domain pattern may appear twice
   * @param defaultRule the rule named {@value ShapingRule#DEFAULT}
   * @param backOff the back-off after transient failures
   * @param busyRetry when to try again a group whose connections are all in use, positive
   * @throws IllegalArgumentException if a name or a pattern appears twice, or a value is out of
   *     range
   */
  public ShapingPolicy(
      List<ShapingRule> groups,
      ShapingRule defaultRule,
      BackOffSchedule backOff,
      Duration busyRetry) {
    this.groups = List.copyOf(groups);
    this.defaultRule = Objects.requireNonNull(defaultRule, "defaultRule");
    this.backOff = Objects.requireNonNull(backOff, "backOff");
    this.busyRetry = Objects.requireNonNull(busyRetry, "busyRetry");
    if (!defaultRule.name().equals(ShapingRule.DEFAULT)) {
      throw new IllegalArgumentException("the default rule must be named " + ShapingRule.DEFAULT);
    }
    if (busyRetry.isNegative() || busyRetry.isZero()) {
      throw new IllegalArgumentException("the busy retry must be positive: " + busyRetry);
    }
    Set<String> names = new HashSet<>();
    for (ShapingRule rule : this.groups) {
      if (!names.add(rule.name())) {
        throw new IllegalArgumentException("group '" + rule.name() + "' is defined twice");
      }
      for (DomainPattern p : rule.domains()) {
        ShapingRule before = (p.wildcard() ? suffixes : exact).putIfAbsent(p.domain(), rule);
        if (before != null) {
          throw new IllegalArgumentException(
              "'" + p + "' is listed by both '" + before.name() + "' and '" + rule.name() + "'");
        }
      }
    }
  }

  /** The built-in presets and defaults, as with no configuration. */
  public static ShapingPolicy presets() {
    return from(ShapingSettings.none());
  }

  /**
   * The policy the settings describe: presets (unless switched off) changed and extended by the
   * configured groups.
   *
   * @throws InvalidShapingConfigurationException naming the first offending key
   */
  public static ShapingPolicy from(ShapingSettings settings) {
    return SettingsReader.read(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * The budget {@code domain} counts against.
   *
   * @param domain a recipient domain, in any case, with or without a trailing dot, A- or U-labels
   * @throws IllegalArgumentException if the domain is null or blank
   */
  public ShapingGroup resolve(String domain) {
    String d = normalise(domain);
    ShapingRule rule = exact.get(d);
    // The longest suffix is tried first, so the most specific wildcard wins.
    for (int dot = d.indexOf('.'); rule == null && dot >= 0; dot = d.indexOf('.', dot + 1)) {
      rule = suffixes.get(d.substring(dot + 1));
    }
    return rule == null ? new ShapingGroup(d, defaultRule) : new ShapingGroup(rule.name(), rule);
  }

  /** The limits for {@code domain}; see {@link #resolve}. */
  public ShapingRule ruleFor(String domain) {
    return resolve(domain).rule();
  }

  /** The named groups. */
  public List<ShapingRule> groups() {
    return groups;
  }

  /** The rule for domains no group lists. */
  public ShapingRule defaultRule() {
    return defaultRule;
  }

  /** The back-off after transient failures. */
  public BackOffSchedule backOff() {
    return backOff;
  }

  /** When to try again a group whose connections are all in use. */
  public Duration busyRetry() {
    return busyRetry;
  }

  /**
   * A recipient domain as rules see it: lower case, no trailing dot, A-labels (RFC 5890 §2.3.2.1).
   *
   * @throws IllegalArgumentException if the domain is null or blank
   */
  public static String normalise(String domain) {
    if (domain == null || domain.isBlank()) {
      throw new IllegalArgumentException("a recipient domain is required");
    }
    String d = domain.strip();
    if (d.endsWith(".")) {
      d = d.substring(0, d.length() - 1);
    }
    if (!d.chars().allMatch(c -> c < 0x80)) {
      try {
        d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED);
      } catch (IllegalArgumentException e) {
        // Not a valid IDN: no group can list it, so it falls to the default rule as it is.
        d = domain.strip();
      }
    }
    return d.toLowerCase(Locale.ROOT);
  }
}
