package dev.hikyaku.mailauth.results;

import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dmarc.DmarcResult;
import dev.hikyaku.mailauth.dmarc.DmarcVerdict;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.Optional;

/**
 * Builds our own results for the methods we evaluate, with the properties RFC 8601 §2.7 and RFC
 * 9989 §9.1 register for them.
 */
public final class MethodResults {

  private MethodResults() {}

  /**
   * {@code spf=<result> smtp.mailfrom=<address> smtp.helo=<domain>} (RFC 8601 §2.7.2); an empty
   * MAIL FROM (null reverse-path) or HELO is left out.
   */
  public static MethodResult spf(SpfResult result, String mailFrom, String helo) {
    MethodResult spf = MethodResult.of("spf", result.rfcName());
    if (!mailFrom.isEmpty()) {
      spf = spf.withProperty("smtp", "mailfrom", mailFrom);
    }
    if (!helo.isEmpty()) {
      spf = spf.withProperty("smtp", "helo", helo);
    }
    return spf;
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

  /**
   * {@code dmarc=<result> header.from=<Author Domain> policy.dmarc=<applied policy>} (RFC 9989
   * §9.1), with the verdict's reason unless it passed; policy.dmarc is written for a fail only, as
   * no policy applies otherwise.
   */
  public static MethodResult dmarc(DmarcVerdict verdict) {
    MethodResult dmarc = MethodResult.of("dmarc", verdict.result().rfcName());
    if (verdict.result() != DmarcResult.PASS) {
      dmarc = dmarc.withReason(verdict.reason());
    }
    Optional<String> author = verdict.authorDomain().map(Object::toString);
    if (author.isPresent()) {
      dmarc = dmarc.withProperty("header", "from", author.get());
    }
    if (verdict.result() == DmarcResult.FAIL) {
      dmarc = dmarc.withProperty("policy", "dmarc", verdict.appliedPolicy().rfcName());
    }
    return dmarc;
  }

  private static MethodResult add(MethodResult result, String ptype, String name, String value) {
    return value.isEmpty() ? result : result.withProperty(ptype, name, value);
  }
}
