package dev.hikyaku.mailauth.spf;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.DnsResult;
import dev.hikyaku.mailauth.dns.MxRecord;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.List;
import java.util.Optional;

/**
 * One SPF evaluation: check_host() (RFC 7208 §4) with its recursion for include and redirect, and
 * the counters that the limits of §4.6.4 apply to across the whole evaluation.
 */
final class Evaluation {

  /** Ends the evaluation with a result, unwinding any recursion. */
  private static final class Abort extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient SpfResult result;

    Abort(SpfResult result, String reason) {
      super(reason, null, false, false);
      this.result = result;
    }
  }

  private final DnsResolver dns;
  private final SpfLimits limits;
  private int dnsMechanisms;
  private int voidLookups;
  private final long deadline;

  Evaluation(DnsResolver dns, SpfLimits limits) {
    this.dns = dns;
    this.limits = limits;
    this.deadline = System.nanoTime() + limits.timeBudget().toNanos();
  }

  SpfChecker.CheckResult checkHost(InetAddress ip, String domain, MacroContext context) {
    try {
      return evaluate(ip, domain, context);
    } catch (Abort abort) {
      return SpfChecker.CheckResult.of(abort.result, abort.getMessage(), context);
    }
  }

  private SpfChecker.CheckResult evaluate(InetAddress ip, String domain, MacroContext context) {
    // RFC 7208 §4.3: a malformed or single-label domain gives "none".
    if (!SpfChecker.isEvaluableDomain(domain)) {
      return SpfChecker.CheckResult.of(SpfResult.NONE, "not a valid domain: " + domain, context);
    }
    checkTime();
    DnsResult<String> txt = dns.txt(domain);
    if (txt.isTemporaryFailure()) {
      return SpfChecker.CheckResult.of(
          SpfResult.TEMPERROR, "DNS failure looking up TXT " + domain, context);
    }
    List<String> records = txt.records().stream().filter(SpfRecord::isSpf1).toList();
    if (records.isEmpty()) {
      return SpfChecker.CheckResult.of(SpfResult.NONE, "no SPF record at " + domain, context);
    }
    if (records.size() > 1) {
      // RFC 7208 §4.5: more than one record is a permerror.
      return SpfChecker.CheckResult.of(
          SpfResult.PERMERROR, "more than one SPF record at " + domain, context);
    }
    SpfRecord record;
    try {
      record = SpfRecord.parse(records.get(0));
    } catch (SpfSyntaxException e) {
      return SpfChecker.CheckResult.of(
          SpfResult.PERMERROR,
          "syntax error in SPF record of " + domain + ": " + e.getMessage(),
          context);
    }
    for (SpfRecord.Directive directive : record.directives()) {
      if (directive.mechanism().countsTowardLimit()) {
        countDnsMechanism();
      }
      if (matches(directive.mechanism(), ip, context)) {
        SpfResult result = directive.qualifier().result;
        Optional<String> explanation =
            result == SpfResult.FAIL
                ? Explanations.explain(dns, record.explanation(), context)
                : Optional.empty();
        return new SpfChecker.CheckResult(
            result,
            Optional.of(directive.text()),
            explanation,
            "matched " + directive.text() + " in the record of " + domain,
            context);
      }
    }
    // RFC 7208 §6.1: redirect is used when nothing matched, and ignored if "all" is present.
    if (record.redirect().isPresent() && !record.hasAll()) {
      countDnsMechanism();
      String target = expandDomain(record.redirect().get(), context);
      SpfChecker.CheckResult redirected = checkHost(ip, target, context.withDomain(target));
      if (redirected.result() == SpfResult.NONE) {
        return SpfChecker.CheckResult.of(
            SpfResult.PERMERROR, "redirect target " + target + " has no SPF record", context);
      }
      return redirected;
    }
    return SpfChecker.CheckResult.of(
        SpfResult.NEUTRAL, "no mechanism matched in the record of " + domain, context);
  }

  private boolean matches(Mechanism mechanism, InetAddress ip, MacroContext context) {
    return switch (mechanism) {
      case Mechanism.All all -> true;
      case Mechanism.Ip4 ip4 ->
          ip instanceof Inet4Address && inPrefix(ip, ip4.network(), ip4.prefix());
      case Mechanism.Ip6 ip6 ->
          ip instanceof Inet6Address && inPrefix(ip, ip6.network(), ip6.prefix());
      case Mechanism.A a -> {
        String target = a.domain().map(d -> expandDomain(d, context)).orElse(context.domain());
        yield anyInPrefix(ip, addresses(target, ip, true), a.ip4Prefix(), a.ip6Prefix());
      }
      case Mechanism.Mx mx -> matchesMx(mx, ip, context);
      case Mechanism.Ptr ptr -> {
        String target = ptr.domain().map(d -> expandDomain(d, context)).orElse(context.domain());
        yield PtrNames.validated(dns, ip, limits.addressesPerMxOrPtr()).stream()
            .anyMatch(name -> PtrNames.isSameOrSubdomain(name, target));
      }
      case Mechanism.Exists exists -> {
        // RFC 7208 §5.7: always an A lookup, whatever the connection's address family.
        DnsResult<InetAddress> result = dns.a(expandDomain(exists.domain(), context));
        yield !checkedRecords(result).isEmpty();
      }
      case Mechanism.Include include -> matchesInclude(include, ip, context);
    };
  }

  private boolean matchesInclude(Mechanism.Include include, InetAddress ip, MacroContext context) {
    String target = expandDomain(include.domain(), context);
    SpfChecker.CheckResult result = checkHost(ip, target, context.withDomain(target));
    // RFC 7208 §5.2: how the included result maps onto a match.
    return switch (result.result()) {
      case PASS -> true;
      case FAIL, SOFTFAIL, NEUTRAL -> false;
      case TEMPERROR -> throw new Abort(SpfResult.TEMPERROR, result.reason());
      case PERMERROR -> throw new Abort(SpfResult.PERMERROR, result.reason());
      case NONE ->
          throw new Abort(SpfResult.PERMERROR, "included " + target + " has no SPF record");
    };
  }

  private boolean matchesMx(Mechanism.Mx mx, InetAddress ip, MacroContext context) {
    String target = mx.domain().map(d -> expandDomain(d, context)).orElse(context.domain());
    List<MxRecord> exchanges = checkedRecords(dns.mx(target));
    // RFC 7208 §4.6.4: at most 10 address lookups for one mx mechanism.
    if (exchanges.size() > limits.addressesPerMxOrPtr()) {
      throw new Abort(
          SpfResult.PERMERROR,
          "more than " + limits.addressesPerMxOrPtr() + " MX records at " + target);
    }
    for (MxRecord exchange : exchanges) {
      List<InetAddress> found = addresses(exchange.exchange(), ip, false);
      if (anyInPrefix(ip, found, mx.ip4Prefix(), mx.ip6Prefix())) {
        return true;
      }
    }
    return false;
  }

  /** The A or AAAA records matching the client's family; DNS failure ends with temperror. */
  private List<InetAddress> addresses(String name, InetAddress ip, boolean countVoid) {
    DnsResult<InetAddress> result = dns.addresses(name, ip instanceof Inet6Address);
    return countVoid ? checkedRecords(result) : failOnTemporary(result).records();
  }

  /** Records of a mechanism's lookup, counting a void answer and failing on DNS errors. */
  private <T> List<T> checkedRecords(DnsResult<T> result) {
    failOnTemporary(result);
    if (result.isVoid()) {
      voidLookups++;
      if (voidLookups > limits.voidLookups()) {
        throw new Abort(
            SpfResult.PERMERROR,
            "more than "
                + limits.voidLookups()
                + " void DNS lookups (RFC 7208 §4.6.4), the last for "
                + result.name());
      }
    }
    return result.records();
  }

  private static <T> DnsResult<T> failOnTemporary(DnsResult<T> result) {
    if (result.isTemporaryFailure()) {
      throw new Abort(
          SpfResult.TEMPERROR, "DNS failure looking up " + result.type() + " " + result.name());
    }
    return result;
  }

  /** RFC 7208 §4.6.4: an overall time limit on the evaluation, checked before each lookup. */
  private void checkTime() {
    if (System.nanoTime() > deadline) {
      throw new Abort(
          SpfResult.TEMPERROR,
          "SPF evaluation took longer than "
              + limits.timeBudget().toSeconds()
              + " s (RFC 7208 §4.6.4)");
    }
  }

  private void countDnsMechanism() {
    checkTime();
    dnsMechanisms++;
    if (dnsMechanisms > limits.dnsMechanisms()) {
      throw new Abort(
          SpfResult.PERMERROR,
          "more than " + limits.dnsMechanisms() + " DNS-querying mechanisms (RFC 7208 §4.6.4)");
    }
  }

  /**
   * Expands a domain-spec and, if longer than 253 characters, removes whole labels from the left
   * until it fits (RFC 7208 §7.3); one scan, however many labels.
   */
  static String expandDomain(MacroString spec, MacroContext context) {
    String name = spec.expand(context);
    if (name.endsWith(".")) {
      name = name.substring(0, name.length() - 1);
    }
    if (name.length() <= 253) {
      return name;
    }
    int dot = name.indexOf('.', name.length() - 254);
    return dot < 0 ? name.substring(name.length() - 253) : name.substring(dot + 1);
  }

  private static boolean anyInPrefix(
      InetAddress ip, List<InetAddress> candidates, int ip4Prefix, int ip6Prefix) {
    int prefix = ip instanceof Inet6Address ? ip6Prefix : ip4Prefix;
    return candidates.stream().anyMatch(c -> inPrefix(ip, c, prefix));
  }

  static boolean inPrefix(InetAddress ip, InetAddress network, int prefix) {
    byte[] a = ip.getAddress();
    byte[] b = network.getAddress();
    if (a.length != b.length) {
      return false;
    }
    int full = prefix / 8;
    for (int i = 0; i < full; i++) {
      if (a[i] != b[i]) {
        return false;
      }
    }
    int rest = prefix % 8;
    if (rest == 0) {
      return true;
    }
    int mask = (0xff << (8 - rest)) & 0xff;
    return (a[full] & mask) == (b[full] & mask);
  }
}
