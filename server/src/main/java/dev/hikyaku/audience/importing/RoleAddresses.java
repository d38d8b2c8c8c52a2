package dev.hikyaku.audience.importing;

import java.util.Locale;
import java.util.Set;

/**
 * Local parts that name a function rather than a person. Mail to them reaches a shared inbox, a
 * ticket system or no one, and their complaints weigh the same as anyone's; RFC 2142 defines
 * several (postmaster, abuse, webmaster, sales, support...).
 */
final class RoleAddresses {

  private static final Set<String> ROLES =
      Set.of(
          // RFC 2142 §3–§5 and the common English ones.
          "abuse",
          "admin",
          "administrator",
          "billing",
          "contact",
          "customerservice",
          "do-not-reply",
          "donotreply",
          "enquiry",
          "help",
          "helpdesk",
          "hostmaster",
          "hr",
          "info",
          "information",
          "inquiry",
          "jobs",
          "mail",
          "mailer-daemon",
          "marketing",
          "news",
          "no-reply",
          "noc",
          "noreply",
          "office",
          "postmaster",
          "press",
          "privacy",
          "recruit",
          "root",
          "sales",
          "security",
          "service",
          "support",
          "team",
          "webmaster",
          // Romanised Japanese department names: お問い合わせ, 総務, 営業, 人事, 採用, 広報, 受付.
          "toiawase",
          "otoiawase",
          "soumu",
          "somu",
          "eigyo",
          "eigyou",
          "jinji",
          "saiyo",
          "saiyou",
          "koho",
          "kouhou",
          "uketsuke");

  private RoleAddresses() {}

  /** Whether {@code localPart} (a {@code +tag} ignored) names a role. */
  static boolean isRole(String localPart) {
    String local = localPart.toLowerCase(Locale.ROOT);
    int plus = local.indexOf('+');
    return ROLES.contains(plus > 0 ? local.substring(0, plus) : local);
  }
}
