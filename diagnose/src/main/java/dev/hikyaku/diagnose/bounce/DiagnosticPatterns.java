package dev.hikyaku.diagnose.bounce;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the words of a diagnostic say about the address, for failures whose status code is missing
 * or too general (X.0.0, X.5.x, X.4.1) to decide.
 *
 * <p>Policy words are tried before address words: a spam block often also says "mailbox
 * unavailable" (the RFC 5321 §4.2.3 text of 550), and suppressing an address because our mail was
 * blocked would lose a good recipient. Microsoft 365's wording for an unknown recipient is tried
 * first of all, because it reads like a policy refusal.
 */
final class DiagnosticPatterns {

  /** Microsoft 365 directory-based edge blocking: 550 5.4.1 for a recipient not in the tenant. */
  private static final List<String> HARD_FIRST =
      List.of("recipient address rejected: access denied", "resolver.adr.recipnotfound");

  // Refusals of our side — the sender address, the sending host, the content — come first, so
  // that "Sender address rejected: Domain not found" is not read as a bad recipient domain: a
  // broken bounce domain must not suppress every recipient it touches.
  private static final List<String> POLICY =
      List.of(
          "sender address",
          "sender domain",
          "sender verify",
          "sender rejected",
          "client host",
          "helo command",
          "reverse dns",
          "ptr record",
          "spam",
          "blocked",
          "blocklist",
          "block list",
          "blacklist",
          "denylist",
          "listed at",
          "listed on",
          "listed in",
          "dnsbl",
          "reputation",
          "policy",
          "dmarc",
          "dkim",
          "spf ",
          "spf:",
          "unauthenticated",
          "not authorized",
          "content rejected",
          "message rejected",
          "phish",
          "virus",
          "malware",
          "rate limit",
          "ratelimit",
          "too many messages",
          "迷惑メール");

  private static final List<String> HARD =
      List.of(
          "user unknown",
          "unknown user",
          "unknown recipient",
          "recipient unknown",
          "no such user",
          "no such recipient",
          "no such mailbox",
          "no such address",
          "no mailbox here by that name",
          "mailbox unavailable",
          "mailbox not found",
          "recipient not found",
          "address not found",
          "does not exist",
          "doesn't exist",
          "doesnt exist",
          "doesn't have a",
          "invalid recipient",
          "invalid mailbox",
          "invalid address",
          "unrouteable address",
          "unroutable address",
          "host not found",
          "domain not found",
          "host or domain name not found",
          "null mx",
          "account disabled",
          "account is disabled",
          "account has been disabled",
          "mailbox disabled",
          "mailbox is disabled",
          "deactivated",
          "inactive account",
          "account is inactive",
          "存在しません",
          "見つかりません");

  private static final List<String> SOFT =
      List.of(
          "mailbox full",
          "mailbox is full",
          "mailbox exceeded",
          "over quota",
          "quota exceeded",
          "exceeded storage",
          "insufficient storage",
          "out of storage",
          "try again",
          "temporarily",
          "temporary",
          "greylist",
          "in the queue too long",
          "容量",
          "一杯");

  private DiagnosticPatterns() {}

  /** The class the words of {@code text} point to, or empty when none of them occurs. */
  static Optional<BounceClass> classify(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (containsAny(lower, HARD_FIRST)) {
      return Optional.of(BounceClass.HARD);
    }
    if (containsAny(lower, POLICY)) {
      return Optional.of(BounceClass.POLICY);
    }
    if (containsAny(lower, HARD)) {
      return Optional.of(BounceClass.HARD);
    }
    if (containsAny(lower, SOFT)) {
      return Optional.of(BounceClass.SOFT);
    }
    return Optional.empty();
  }

  private static boolean containsAny(String text, List<String> needles) {
    for (String needle : needles) {
      if (text.contains(needle)) {
        return true;
      }
    }
    return false;
  }
}
