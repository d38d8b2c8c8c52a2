package dev.hikyaku.mailauth.results;

import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dmarc.DmarcResult;
import dev.hikyaku.mailauth.dmarc.DmarcVerdict;
import dev.hikyaku.mailauth.spf.SpfResult;

/**
 * Builds our own results for the methods we evaluate, with the properties RFC 8601 §2.7 and RFC
 * 9989 §9.1 register for them.
 *
 * <p>Every value and reason may come from an attacker (signature tags, record text, From domains,
 * MAIL FROM and HELO), so these methods never throw for their content: control characters become
 * spaces, whitespace collapses, property values are cut at 200 characters and reasons at 300
 * (ending in {@code "..."}), and a value left empty is left out. {@link MethodResult} itself stays
 * strict for direct use.
 */
public final class MethodResults {

  private MethodResults() {}

  /**
   * {@code spf=<result> smtp.mailfrom=<address> smtp.helo=<domain>} (RFC 8601 §2.7.2); an empty
   * MAIL FROM (null reverse-path) or HELO is left out.
   */
  public static MethodResult spf(SpfResult result, String mailFrom, String helo) {
    MethodResult spf = MethodResult.of("spf", result.rfcName());
    spf = add(spf, "smtp", "mailfrom", mailFrom);
    return add(spf, "smtp", "helo", helo);
  }

  /** {@link #spf(SpfResult, String, String)} with {@code reason="..."}, unless it is empty. */
  public static MethodResult spf(SpfResult result, String mailFrom, String helo, String reason) {
    return withReason(spf(result, mailFrom, helo), reason);
  }

  /**
   * {@code dkim=<result> header.d= header.i= header.s= header.b=} (RFC 8601 §2.7.1, RFC 6008 §4);
   * {@code signaturePrefix} is enough of {@code b=} to tell signatures apart (often 8 characters).
   * Empty values are left out.
   */
  public static MethodResult dkim(
      DkimResult result, String domain, String identity, String selector, String signaturePrefix) {
    MethodResult dkim = MethodResult.of("dkim", result.rfcName());
    dkim = add(dkim, "header", "d", domain);
    dkim = add(dkim, "header", "i", identity);
    dkim = add(dkim, "header", "s", selector);
    return add(dkim, "header", "b", signaturePrefix);
  }

  /** The result for one verified signature, with its reason. */
  public static MethodResult dkim(DkimVerification signature) {
    MethodResult dkim =
        dkim(
            signature.result(),
            signature.domain(),
            signature.identity(),
            signature.selector(),
            signature.headerB());
    return withReason(dkim, signature.reason());
  }

  /**
   * {@code dmarc=<result> header.from=<Author Domain> policy.dmarc=<applied policy>} (RFC 9989
   * §9.1), with the verdict's reason unless it passed; policy.dmarc is written for a fail only, as
   * no policy applies otherwise.
   */
  public static MethodResult dmarc(DmarcVerdict verdict) {
    MethodResult dmarc = MethodResult.of("dmarc", verdict.result().rfcName());
    if (verdict.result() != DmarcResult.PASS) {
      dmarc = withReason(dmarc, verdict.reason());
    }
    if (verdict.authorDomain().isPresent()) {
      dmarc = add(dmarc, "header", "from", verdict.authorDomain().get().toString());
    }
    if (verdict.result() == DmarcResult.FAIL) {
      dmarc = dmarc.withProperty("policy", "dmarc", verdict.appliedPolicy().rfcName());
    }
    return dmarc;
  }

  private static MethodResult add(MethodResult result, String ptype, String name, String value) {
    String clean = UntrustedText.value(value);
    return clean.isEmpty() ? result : result.withProperty(ptype, name, clean);
  }

  private static MethodResult withReason(MethodResult result, String reason) {
    String clean = UntrustedText.reason(reason);
    return clean.isEmpty() ? result : result.withReason(clean);
  }
}
