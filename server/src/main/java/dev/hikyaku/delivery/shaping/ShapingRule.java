package dev.hikyaku.delivery.shaping;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The limits for one destination group: the domains that share one budget (because they share the
 * receiving infrastructure, like {@code ezweb.ne.jp} and {@code au.com}) and how hard Hikyaku may
 * push them.
 *
 * @param name the group's name, lower case letters, digits and hyphens ({@code docomo}, {@code
 *     au}); {@value #DEFAULT} is the rule for every domain no group lists
 * @param domains the patterns of the group's domains; empty only for the default rule
 * @param maxConnections how many SMTP connections to the group may be open at once, at least 1
 * @param messagesPerMinute how many messages the group may receive per minute, 0 for no limit of
 *     its own (the node's global rate still applies)
 * @param messagesPerConnection how many messages one connection carries before it is closed and the
 *     next one opened, at least 1
 */
public record ShapingRule(
    String name,
    List<DomainPattern> domains,
    int maxConnections,
    int messagesPerMinute,
    int messagesPerConnection) {

  /** The name of the rule for all domains no group lists. */
  public static final String DEFAULT = "default";

  /** The highest per-minute rate accepted; above it the rate is no real limit anyway. */
  public static final int MAX_MESSAGES_PER_MINUTE = 1_000_000;

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

  public ShapingRule {
    Objects.requireNonNull(name, "name");
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a group name is lower case letters, digits and hyphens: '" + name + "'");
    }
    domains = List.copyOf(domains);
    if (name.equals(DEFAULT) != domains.isEmpty()) {
      throw new IllegalArgumentException(
          name.equals(DEFAULT)
              ? "the default rule applies to all other domains and lists none"
              : "group '" + name + "' lists no domains");
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("max connections must be at least 1: " + maxConnections);
    }
    if (messagesPerMinute < 0 || messagesPerMinute > MAX_MESSAGES_PER_MINUTE) {
      throw new IllegalArgumentException(
          "messages per minute must be 0 (no limit) to "
              + MAX_MESSAGES_PER_MINUTE
              + ": "
              + messagesPerMinute);
    }
    if (messagesPerConnection < 1) {
      throw new IllegalArgumentException(
          "messages per connection must be at least 1: " + messagesPerConnection);
    }
  }

  /** A group rule for the given domain patterns. */
  public static ShapingRule group(
      String name,
      int maxConnections,
      int messagesPerMinute,
      int messagesPerConnection,
      String... domains) {
    return new ShapingRule(
        name,
        Arrays.stream(domains).map(DomainPattern::new).toList(),
        maxConnections,
        messagesPerMinute,
        messagesPerConnection);
  }

  /** Whether this rule caps the group's rate itself. */
  public boolean rateLimited() {
    return messagesPerMinute > 0;
  }

  /** This rule with other limits, the name and domains kept. */
  ShapingRule withLimits(int connections, int perMinute, int perConnection) {
    return new ShapingRule(name, domains, connections, perMinute, perConnection);
  }
}
