package dev.hikyaku.mailauth.spf;

import dev.hikyaku.mailauth.dns.DnsResolver;
import dev.hikyaku.mailauth.dns.IpLiterals;
import java.net.InetAddress;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Evaluates SPF (RFC 7208): {@link #checkMailFrom} for the MAIL FROM identity (falling back to the
 * HELO identity for the null reverse-path, §2.4) and {@link #checkHelo} for HELO. Thread-safe;
 * every call has its own lookup counters. Never throws for DNS or record problems: those are {@code
 * temperror} and {@code permerror} verdicts.
 */
public final class SpfChecker {

  /** The explanation used for {@code fail} when the record gives none (RFC 7208 §6.2). */
  public static final String DEFAULT_EXPLANATION =
      "%{d} does not designate %{c} as a permitted sender";

  private final DnsResolver dns;
  private final Clock clock;
  private final String receiver;
  private final SpfLimits limits;

  /**
   * A checker that asks {@code dns}, names itself {@code receiver} in {@code %{r}} macros
   * ("unknown" if null) and takes {@code %{t}} from {@code clock}.
   */
  public SpfChecker(DnsResolver dns, Clock clock, String receiver, SpfLimits limits) {
    this.dns = Objects.requireNonNull(dns, "dns");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.receiver = receiver == null || receiver.isBlank() ? "unknown" : receiver;
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  /** A checker with RFC 7208's default limits and the system clock. */
  public SpfChecker(DnsResolver dns) {
    this(dns, Clock.systemUTC(), null, SpfLimits.RFC_7208);
  }

  /**
   * Checks the MAIL FROM identity; an empty {@code mailFrom} (a bounce) checks {@code
   * postmaster@helo} instead (RFC 7208 §2.4). A sender without a local-part uses "postmaster"
   * (§4.3).
   */
  public SpfVerdict checkMailFrom(InetAddress ip, String mailFrom, String helo) {
    String from = mailFrom == null ? "" : mailFrom.strip();
    if (from.startsWith("<") && from.endsWith(">")) {
      from = from.substring(1, from.length() - 1);
    }
    String heloName = helo == null ? "" : helo.strip();
    if (from.isEmpty()) {
      return check(ip, heloName, "postmaster@" + heloName, heloName, "helo");
    }
    int at = from.lastIndexOf('@');
    String local = at < 0 ? "" : from.substring(0, at);
    String domain = at < 0 ? from : from.substring(at + 1);
    String sender = (local.isEmpty() ? "postmaster" : local) + "@" + domain;
    return check(ip, domain, sender, heloName, "mailfrom");
  }

  /** Checks the HELO identity (RFC 7208 §2.3). */
  public SpfVerdict checkHelo(InetAddress ip, String helo) {
    String heloName = helo == null ? "" : helo.strip();
    return check(ip, heloName, "postmaster@" + heloName, heloName, "helo");
  }

  private SpfVerdict check(
      InetAddress ip, String domain, String sender, String helo, String identity) {
    Objects.requireNonNull(ip, "ip");
    Evaluation evaluation = new Evaluation(dns, limits);
    MacroContext context =
        new MacroContext(
            sender,
            normalize(domain),
            ip,
            helo,
            receiver,
            clock.instant().getEpochSecond(),
            memoized(
                () -> PtrNames.forMacro(dns, ip, normalize(domain), limits.addressesPerMxOrPtr())));
    try {
      CheckResult result = evaluation.checkHost(ip, normalize(domain), context);
      Optional<String> explanation = Optional.empty();
      if (result.result() == SpfResult.FAIL) {
        explanation =
            Optional.of(
                result
                    .explanation()
                    .orElseGet(() -> Explanations.defaultExplanation(result.context())));
      }
      return new SpfVerdict(
          result.result(),
          identity,
          normalize(domain),
          result.mechanism(),
          explanation,
          result.reason());
    } catch (RuntimeException e) {
      // A bug must not turn into an exception for the caller: report it as permerror.
      return new SpfVerdict(
          SpfResult.PERMERROR,
          identity,
          normalize(domain),
          Optional.empty(),
          Optional.empty(),
          "internal error: " + e);
    }
  }

  /** %{p} is looked up once per check, however many includes expand it. */
  private static Supplier<String> memoized(Supplier<String> supplier) {
    String[] value = new String[1];
    return () -> {
      if (value[0] == null) {
        value[0] = supplier.get();
      }
      return value[0];
    };
  }

  private static String normalize(String domain) {
    String d = domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain;
    return d.toLowerCase(Locale.ROOT);
  }

  /** Whether {@code domain} is a name SPF can evaluate (RFC 7208 §4.3); otherwise "none". */
  static boolean isEvaluableDomain(String domain) {
    if (domain.isEmpty() || domain.startsWith("[") || IpLiterals.tryParse(domain).isPresent()) {
      return false;
    }
    List<String> labels = List.of(domain.split("\\.", -1));
    if (labels.size() < 2 || domain.length() > 253) {
      return false;
    }
    return labels.stream().allMatch(l -> !l.isEmpty() && l.length() <= 63);
  }

  /** The outcome of one check_host() call, with where the decision came from. */
  record CheckResult(
      SpfResult result,
      Optional<String> mechanism,
      Optional<String> explanation,
      String reason,
      MacroContext context) {

    static CheckResult of(SpfResult result, String reason, MacroContext context) {
      return new CheckResult(result, Optional.empty(), Optional.empty(), reason, context);
    }
  }
}
