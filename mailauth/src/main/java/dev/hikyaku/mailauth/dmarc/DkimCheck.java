package dev.hikyaku.mailauth.dmarc;

import dev.hikyaku.mailauth.dkim.DkimResult;
import java.util.Objects;

/**
 * The outcome of verifying one DKIM signature, as DMARC needs it: the result, the {@code d=} domain
 * and the {@code s=} selector (RFC 9989 §5.3.3).
 */
public record DkimCheck(DkimResult result, DnsDomain signingDomain, String selector) {

  public DkimCheck {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(signingDomain, "signingDomain");
    Objects.requireNonNull(selector, "selector");
  }

  /** A check for {@code d=domain}; throws {@link IllegalArgumentException} if it is not a name. */
  public static DkimCheck of(DkimResult result, String domain, String selector) {
    return new DkimCheck(result, DnsDomain.of(domain), selector);
  }
}
