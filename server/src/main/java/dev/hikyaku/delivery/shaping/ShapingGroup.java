package dev.hikyaku.delivery.shaping;

import java.util.Objects;

/**
 * The budget a recipient domain is counted against: a named group shared by all its domains, or,
 * for a domain no group lists, a budget of that domain alone under the default rule.
 *
 * @param key the group's name, or the domain itself for the default rule; with the rule it tells
 *     budgets apart (a group cannot be named {@value ShapingRule#DEFAULT})
 * @param rule the limits that apply
 */
public record ShapingGroup(String key, ShapingRule rule) {

  public ShapingGroup {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(rule, "rule");
  }

  /** Whether this is a domain on its own under the default rule. */
  public boolean isDefault() {
    return rule.name().equals(ShapingRule.DEFAULT);
  }
}
