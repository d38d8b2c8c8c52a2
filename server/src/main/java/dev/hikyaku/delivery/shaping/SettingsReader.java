package dev.hikyaku.delivery.shaping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Turns bound {@link ShapingSettings} into a policy, naming the key of the first bad value. */
final class SettingsReader {

  private SettingsReader() {}

  static ShapingPolicy read(ShapingSettings s) {
    ShapingRule defaults = ShapingPresets.DEFAULT;
    if (s.defaults() != null) {
      if (s.defaults().domains() != null && !s.defaults().domains().isEmpty()) {
        throw new InvalidShapingConfigurationException(
            "defaults.domains", "the defaults apply to every domain no group lists; list none");
      }
      defaults = withLimits(defaults, s.defaults(), "defaults");
    }
    Map<String, ShapingRule> presets = new LinkedHashMap<>();
    if (s.presets() == null || s.presets()) {
      ShapingPresets.groups().forEach(r -> presets.put(r.name(), r));
    }
    Map<String, ShapingRule> configured = new LinkedHashMap<>();
    Map<DomainPattern, String> claimedBy = new HashMap<>();
    // Sorted, so which of two groups an error names does not depend on the map's order.
    Map<String, ShapingSettings.Group> groups =
        new TreeMap<>(s.groups() == null ? Map.of() : s.groups());
    for (var e : groups.entrySet()) {
      String name = e.getKey() == null ? "" : e.getKey().strip().toLowerCase(Locale.ROOT);
      String key = "groups." + name;
      if (name.equals(ShapingRule.DEFAULT)) {
        throw new InvalidShapingConfigurationException(
            key, "'default' is reserved; configure the default rule under 'defaults'");
      }
      ShapingSettings.Group g =
          e.getValue() == null ? ShapingSettings.Group.limits(null, null, null) : e.getValue();
      ShapingRule base = presets.remove(name);
      List<DomainPattern> domains = base == null ? List.of() : base.domains();
      if (g.domains() != null) {
        domains = patterns(g.domains(), key + ".domains");
      }
      if (domains.isEmpty()) {
        throw new InvalidShapingConfigurationException(
            key + ".domains", "a group needs at least one domain");
      }
      for (DomainPattern p : domains) {
        String other = claimedBy.putIfAbsent(p, name);
        if (other != null && !other.equals(name)) {
          throw new InvalidShapingConfigurationException(
              key + ".domains", "'" + p + "' is also listed by group '" + other + "'");
        }
      }
      ShapingRule start = base != null ? base : defaults;
      ShapingRule rule;
      try {
        rule =
            new ShapingRule(
                name,
                domains,
                start.maxConnections(),
                start.messagesPerMinute(),
                start.messagesPerConnection());
      } catch (IllegalArgumentException ex) {
        throw new InvalidShapingConfigurationException(key, ex.getMessage());
      }
      configured.put(name, withLimits(rule, g, key));
    }
    List<ShapingRule> all = new ArrayList<>();
    for (ShapingRule preset : presets.values()) {
      // A configured group takes a domain over from the preset that lists it too.
      List<DomainPattern> left =
          preset.domains().stream().filter(p -> !claimedBy.containsKey(p)).toList();
      if (!left.isEmpty()) {
        all.add(
            new ShapingRule(
                preset.name(),
                left,
                preset.maxConnections(),
                preset.messagesPerMinute(),
                preset.messagesPerConnection()));
      }
    }
    all.addAll(configured.values());
    return new ShapingPolicy(all, defaults, backOff(s), busyRetry(s));
  }

  private static List<DomainPattern> patterns(List<String> values, String key) {
    List<DomainPattern> out = new ArrayList<>();
    for (String v : values) {
      try {
        DomainPattern p = new DomainPattern(v);
        if (!out.contains(p)) {
          out.add(p);
        }
      } catch (IllegalArgumentException e) {
        throw new InvalidShapingConfigurationException(key, e.getMessage());
      }
    }
    return out;
  }

  private static ShapingRule withLimits(ShapingRule rule, ShapingSettings.Group g, String key) {
    int connections = value(g.maxConnections(), rule.maxConnections(), key + ".max-connections", 1);
    int perMinute =
        value(g.messagesPerMinute(), rule.messagesPerMinute(), key + ".messages-per-minute", 0);
    if (perMinute > ShapingRule.MAX_MESSAGES_PER_MINUTE) {
      throw new InvalidShapingConfigurationException(
          key + ".messages-per-minute",
          "at most " + ShapingRule.MAX_MESSAGES_PER_MINUTE + "; 0 for no limit");
    }
    int perConnection =
        value(
            g.messagesPerConnection(),
            rule.messagesPerConnection(),
            key + ".messages-per-connection",
            1);
    return rule.withLimits(connections, perMinute, perConnection);
  }

  private static int value(Integer configured, int otherwise, String key, int min) {
    if (configured == null) {
      return otherwise;
    }
    if (configured < min) {
      throw new InvalidShapingConfigurationException(
          key, "must be at least " + min + ", is " + configured);
    }
    return configured;
  }

  private static BackOffSchedule backOff(ShapingSettings s) {
    Duration first = s.backOffFirst() == null ? BackOffSchedule.DEFAULT.first() : s.backOffFirst();
    if (first.isNegative() || first.isZero()) {
      throw new InvalidShapingConfigurationException(
          "back-off-first", "must be positive, is " + first);
    }
    // An unset maximum never undercuts a configured first window.
    Duration max =
        s.backOffMax() != null ? s.backOffMax() : maxOf(first, BackOffSchedule.DEFAULT.max());
    if (max.compareTo(first) < 0) {
      throw new InvalidShapingConfigurationException(
          "back-off-max", "must be at least back-off-first (" + first + "), is " + max);
    }
    return new BackOffSchedule(first, max);
  }

  private static Duration maxOf(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Duration busyRetry(ShapingSettings s) {
    Duration d = s.busyRetry() == null ? Duration.ofSeconds(5) : s.busyRetry();
    if (d.isNegative() || d.isZero()) {
      throw new InvalidShapingConfigurationException("busy-retry", "must be positive, is " + d);
    }
    return d;
  }
}
