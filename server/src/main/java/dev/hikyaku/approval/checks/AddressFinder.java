package dev.hikyaku.approval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds email addresses in a line of normalised text, skipping template placeholders: {@code
 * {{email}}} and {@code {{name|someone@example.jp}}} are what the campaign renders, not addresses
 * anybody sees.
 */
final class AddressFinder {

  // The local parts people actually have; the rarer RFC 5322 atext characters ({, |, ', ...) would
  // mostly glue neighbouring punctuation onto an address in running text and CSV.
  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?<![A-Za-z0-9._%+-])[A-Za-z0-9_%+-]+(?:\\.[A-Za-z0-9_%+-]+)*"
              + "@((?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63})"
              + "(?![A-Za-z0-9-]|\\.[A-Za-z0-9])");

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^{}]*}}");

  private AddressFinder() {}

  /** The addresses in {@code normalizedLine}, lower-cased, in order of appearance. */
  static List<String> find(String normalizedLine) {
    if (normalizedLine.indexOf('@') < 0) {
      return List.of();
    }
    String text = withoutPlaceholders(normalizedLine);
    List<String> found = new ArrayList<>();
    Matcher m = ADDRESS.matcher(text);
    while (m.find()) {
      found.add(m.group().toLowerCase(Locale.ROOT));
    }
    return found;
  }

  /** The domain of an address {@link #find} returned. */
  static String domain(String address) {
    return address.substring(address.lastIndexOf('@') + 1);
  }

  /** Whether {@code address} is on one of {@code domains} or a subdomain of one. */
  static boolean onDomains(String address, Iterable<String> domains) {
    String domain = domain(address);
    for (String own : domains) {
      if (domain.equals(own) || domain.endsWith("." + own)) {
        return true;
      }
    }
    return false;
  }

  /** Whether {@code text} holds a template placeholder. */
  static boolean hasPlaceholder(String text) {
    return text.contains("{{") || text.contains("}}");
  }

  private static String withoutPlaceholders(String text) {
    if (!text.contains("{{")) {
      return text;
    }
    // Blanked rather than removed, so "taro.{{suffix}}@example.jp" does not become an address.
    return PLACEHOLDER.matcher(text).replaceAll(" ");
  }
}
