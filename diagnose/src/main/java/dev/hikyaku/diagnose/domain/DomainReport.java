package dev.hikyaku.diagnose.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The result of checking one domain: every item in the order checked.
 *
 * @param domain the domain checked, lower case
 * @param items the findings
 */
public record DomainReport(String domain, List<CheckItem> items) {

  public DomainReport {
    Objects.requireNonNull(domain, "domain");
    items = List.copyOf(items);
  }

  /** The worst status of any item (pass for an empty report). */
  public CheckStatus worst() {
    return items.stream()
        .map(CheckItem::status)
        .max(Comparator.naturalOrder())
        .orElse(CheckStatus.PASS);
  }

  /** The items whose code starts with {@code prefix}, e.g. {@code "spf."}. */
  public List<CheckItem> about(String prefix) {
    return items.stream().filter(i -> i.code().startsWith(prefix)).toList();
  }
}
