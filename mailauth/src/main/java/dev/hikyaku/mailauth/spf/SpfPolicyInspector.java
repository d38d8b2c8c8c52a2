package dev.hikyaku.mailauth.spf;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a domain's SPF policy tree the way a domain check needs it: counts the DNS lookups any
 * evaluation would make and the void lookups of the names it can see, following include and
 * redirect. Terms with macros are counted but not followed (their names depend on the message).
 * Thread-safe; never throws for DNS or record problems.
 */
public final class SpfPolicyInspector {

  /** How deep include/redirect chains are followed; beyond 10 lookups nothing more is learnt. */
  private static final int MAX_RECORDS = 20;

  private final DnsResolver dns;

  public SpfPolicyInspector(DnsResolver dns) {
    this.dns = dns;
  }

  /** Inspects the SPF policy of {@code domain}. */
  public SpfPolicyReport inspect(String domain) {
    String name = domain.toLowerCase(Locale.ROOT);
    Walk walk = new Walk();
    Optional<String> own = walk.visit(name, true);
    if (walk.lookups > SpfLimits.RFC_7208.dnsMechanisms()) {
      walk.problems.add(
          walk.lookups
              + " DNS-querying terms: receivers stop at 10 and return permerror (RFC 7208 §4.6.4)");
    }
    if (walk.voids > SpfLimits.RFC_7208.voidLookups()) {
      walk.problems.add(
          walk.voids + " names that do not exist: more than 2 is permerror (RFC 7208 §4.6.4)");
    }
    return new SpfPolicyReport(name, own, walk.lookups, walk.voids, walk.includes, walk.problems);
  }

  /** The state of one inspection. */
  private final class Walk {
    int lookups;
    int voids;
    final List<String> includes = new ArrayList<>();
    final List<String> problems = new ArrayList<>();
    final Set<String> seen = new HashSet<>();

    Optional<String> visit(String domain, boolean top) {
      if (!seen.add(domain) || seen.size() > MAX_RECORDS) {
        problems.add("include or redirect loop through " + domain);
        return Optional.empty();
      }
      DnsResult<String> txt = dns.txt(domain);
      if (txt.isTemporaryFailure()) {
        problems.add("DNS failure reading the SPF record of " + domain + " (temperror)");
        return Optional.empty();
      }
      List<String> records = txt.records().stream().filter(SpfRecord::isSpf1).toList();
      if (records.isEmpty()) {
        problems.add(
            (top ? "no SPF record at " : "included domain has no SPF record: ")
                + domain
                + (top ? "" : " (permerror, RFC 7208 §5.2)"));
        return Optional.empty();
      }
      if (records.size() > 1) {
        problems.add(records.size() + " SPF records at " + domain + ": permerror (RFC 7208 §4.5)");
        return Optional.empty();
      }
      SpfRecord record;
      try {
        record = SpfRecord.parse(records.get(0));
      } catch (SpfSyntaxException e) {
        problems.add("syntax error in the SPF record of " + domain + ": " + e.getMessage());
        return Optional.of(records.get(0));
      }
      for (SpfRecord.Directive directive : record.directives()) {
        term(domain, directive);
      }
      record
          .redirect()
          .filter(r -> !record.hasAll())
          .ifPresent(redirect -> {
            lookups++;
            follow(redirect);
          });
      return Optional.of(records.get(0));
    }

    private void term(String domain, SpfRecord.Directive directive) {
      Mechanism mechanism = directive.mechanism();
      if (mechanism.countsTowardLimit()) {
        lookups++;
      }
      switch (mechanism) {
        case Mechanism.Include include -> follow(include.domain());
        case Mechanism.A a -> a.domain().ifPresentOrElse(d -> literal(d, "a"), () -> {});
        case Mechanism.Mx mx -> {
          String target =
              mx.domain()
                  .filter(MacroString::isLiteral)
                  .map(Object::toString)
                  .orElse(mx.domain().isEmpty() ? domain : null);
          if (target != null && dns.mx(target).isVoid()) {
            voids++;
          }
        }
        case Mechanism.Exists exists -> literal(exists.domain(), "exists");
        case Mechanism.Ptr ptr ->
            problems.add(
                "\"" + directive.text() + "\" in " + domain + ": do not use ptr (RFC 7208 §5.5)");
        case Mechanism.All all -> {
          if (directive.qualifier() == Qualifier.PASS) {
            problems.add("\"+all\" in " + domain + " lets every host on the internet pass");
          }
        }
        case Mechanism.Ip4 ip4 -> {}
        case Mechanism.Ip6 ip6 -> {}
      }
    }

    private void follow(MacroString target) {
      if (!target.isLiteral()) {
        return; // depends on the message; counted, not followed
      }
      String name = normalized(target);
      includes.add(name);
      visit(name, false);
    }

    private void literal(MacroString target, String mechanism) {
      if (target.isLiteral()) {
        String name = normalized(target);
        if (dns.a(name).isVoid() && dns.aaaa(name).isVoid()) {
          voids++;
          problems.add(mechanism + ":" + name + " does not resolve (a void lookup)");
        }
      }
    }

    private static String normalized(MacroString spec) {
      String text = spec.toString().toLowerCase(Locale.ROOT);
      return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
  }
}
