package dev.hikyaku.approval.checks;

import dev.hikyaku.mailauth.dmarc.DnsDomain;
import java.util.Optional;
import java.util.Set;

/**
 * The organisation a host name belongs to, by the registrable-domain rule: the last two labels, or
 * three under a known second-level suffix ({@code www.bank.co.jp} → {@code bank.co.jp}).
 *
 * <p>An approximation of the Public Suffix List for an offline check: mailauth finds the DMARC
 * Organizational Domain by a DNS tree walk (RFC 9989 §4.10), which a content check run at
 * submission, and again just before sending, should not depend on.
 */
final class OrganizationalDomain {

  private static final Set<String> SECOND_LEVEL_SUFFIXES =
      Set.of(
          // JPRS attribute-type JP domains (組織種別型), the ones Japanese organisations use
          "co.jp",
          "ne.jp",
          "or.jp",
          "ac.jp",
          "go.jp",
          "lg.jp",
          "ad.jp",
          "ed.jp",
          "gr.jp",
          // the same idea elsewhere, for partners abroad
          "co.uk",
          "org.uk",
          "ac.uk",
          "gov.uk",
          "com.au",
          "net.au",
          "org.au",
          "co.kr",
          "or.kr",
          "com.cn",
          "net.cn",
          "com.tw",
          "com.hk",
          "com.sg",
          "co.nz",
          "com.br",
          "co.in",
          "co.th");

  private OrganizationalDomain() {}

  /** The organisational domain of {@code host}, lower case, A-labels; empty if not a host name. */
  static Optional<String> of(String host) {
    String h = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    if (h.isEmpty() || h.startsWith("[") || h.matches("[0-9.]+")) {
      return h.isEmpty() ? Optional.empty() : Optional.of(h); // an IP literal is its own
    }
    Optional<DnsDomain> domain = DnsDomain.parse(h);
    if (domain.isEmpty()) {
      return Optional.empty();
    }
    String lastTwo = domain.get().lastLabels(2).name();
    int keep = SECOND_LEVEL_SUFFIXES.contains(lastTwo) ? 3 : 2;
    return Optional.of(domain.get().lastLabels(keep).name());
  }
}
