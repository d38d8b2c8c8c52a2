package dev.hikyaku.mailauth.dmarc;

import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.Objects;

/**
 * The SPF outcome DMARC needs: the result of check_host() for the MAIL FROM identity and the domain
 * it checked (RFC 9989 §3.2.4, §5.3.3). With a null reverse-path the MAIL FROM identity is {@code
 * postmaster@<HELO domain>} (RFC 7208 §2.4), so the domain is then the HELO domain.
 */
public record SpfCheck(SpfResult result, DnsDomain domain) {

  public SpfCheck {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(domain, "domain");
  }

  /** A check for {@code domain}; throws {@link IllegalArgumentException} if it is not a name. */
  public static SpfCheck of(SpfResult result, String domain) {
    return new SpfCheck(result, DnsDomain.of(domain));
  }
}
