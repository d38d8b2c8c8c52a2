package dev.hikyaku.diagnose.redaction;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a {@link HeaderRedactor} hides. {@link #defaults()} masks addresses, display names and the
 * subject, keeps every domain private, lists no extra fields and leaves IP addresses alone.
 *
 * @param addresses mask email addresses and the domains seen in them
 * @param names mask display names and address comments
 * @param subject replace the Subject value
 * @param fields names of further fields to mask, case-insensitive; for Message-ID, In-Reply-To and
 *     References only the local part of each id is masked, other fields lose their whole value
 * @param keptDomains domains (and their subdomains) left visible, such as {@code gmail.com}
 * @param ipAddresses map IPv4 and IPv6 addresses to documentation addresses (RFC 5737, RFC 3849)
 */
public record RedactionOptions(
    boolean addresses,
    boolean names,
    boolean subject,
    Set<String> fields,
    Set<String> keptDomains,
    boolean ipAddresses) {

  public RedactionOptions {
    fields = lowerCase(fields);
    keptDomains = lowerCase(keptDomains);
  }

  /** Addresses, names and subject masked; no kept domains, no extra fields, IPs untouched. */
  public static RedactionOptions defaults() {
    return new RedactionOptions(true, true, true, Set.of(), Set.of(), false);
  }

  public RedactionOptions withAddresses(boolean on) {
    return new RedactionOptions(on, names, subject, fields, keptDomains, ipAddresses);
  }

  public RedactionOptions withNames(boolean on) {
    return new RedactionOptions(addresses, on, subject, fields, keptDomains, ipAddresses);
  }

  public RedactionOptions withSubject(boolean on) {
    return new RedactionOptions(addresses, names, on, fields, keptDomains, ipAddresses);
  }

  public RedactionOptions withFields(String... names) {
    return new RedactionOptions(
        addresses, this.names, subject, Set.of(names), keptDomains, ipAddresses);
  }

  public RedactionOptions withKeptDomains(String... domains) {
    return new RedactionOptions(addresses, names, subject, fields, Set.of(domains), ipAddresses);
  }

  public RedactionOptions withIpAddresses(boolean on) {
    return new RedactionOptions(addresses, names, subject, fields, keptDomains, on);
  }

  /** Whether {@code domain} (lower case) is a kept domain or below one. */
  boolean keeps(String domain) {
    for (String d = domain; !d.isEmpty(); ) {
      if (keptDomains.contains(d)) {
        return true;
      }
      int dot = d.indexOf('.');
      d = dot < 0 ? "" : d.substring(dot + 1);
    }
    return false;
  }

  private static Set<String> lowerCase(Collection<String> values) {
    if (values == null) {
      return Set.of();
    }
    return values.stream()
        .filter(v -> v != null && !v.isBlank())
        .map(v -> trimDot(v.strip().toLowerCase(Locale.ROOT)))
        .collect(Collectors.toUnmodifiableSet());
  }

  private static String trimDot(String s) {
    return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
  }
}
