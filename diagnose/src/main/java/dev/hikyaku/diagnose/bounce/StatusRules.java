package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.logs.Dsn;
import java.util.Optional;

/**
 * What an enhanced status code alone says about the address, where it says enough (RFC 3463 §3 and
 * the IANA registry of codes).
 */
final class StatusRules {

  private StatusRules() {}

  /** The class {@code status} decides, or empty when the text must decide. */
  static Optional<BounceClass> classify(Dsn status) {
    return switch (status.statusClass()) {
      case 2 -> Optional.of(BounceClass.NONE);
      // RFC 3463 §2: class 4 is a persistent transient failure, whatever the subject.
      case 4 -> Optional.of(BounceClass.SOFT);
      default -> permanent(status.subject(), status.detail());
    };
  }

  private static Optional<BounceClass> permanent(int subject, int detail) {
    BounceClass decided =
        switch (subject) {
          case 1 -> address(detail);
          case 2 -> mailbox(detail);
          case 3 -> mailSystem(detail);
          case 4 -> routing(detail);
          // X.6.x: the content could not be converted or was refused; the address is fine.
          case 6 -> BounceClass.POLICY;
          case 7 -> security(detail);
          // X.0.x, X.5.x (protocol) and unknown subjects say nothing of the address.
          default -> null;
        };
    return Optional.ofNullable(decided);
  }

  /** RFC 3463 §3.2, address status; X.1.10 is RFC 7505 §4.2 (null MX). */
  private static BounceClass address(int detail) {
    return switch (detail) {
      // Bad mailbox, bad system, bad syntax, ambiguous, moved; X.1.10 recipient domain has null MX.
      case 1, 2, 3, 4, 6, 10 -> BounceClass.HARD;
      // X.1.7 and X.1.8 are about the sender's address: our side, not the recipient.
      case 7, 8 -> BounceClass.POLICY;
      default -> null;
    };
  }

  /** RFC 3463 §3.3, mailbox status. */
  private static BounceClass mailbox(int detail) {
    return switch (detail) {
      // X.2.1 mailbox disabled, not accepting messages; receivers use it for closed accounts.
      case 1 -> BounceClass.HARD;
      // X.2.2 mailbox full. §3.3 calls it a persistent transient failure even with class 5: the
      // recipient can make room, so 5.2.2 is SOFT; the engine may suppress after repeats.
      case 2 -> BounceClass.SOFT;
      // X.2.3 message too long for the mailbox: the message, not the address.
      case 3 -> BounceClass.POLICY;
      default -> null;
    };
  }

  /** RFC 3463 §3.4, mail system status. */
  private static BounceClass mailSystem(int detail) {
    return switch (detail) {
      // X.3.1 system full, X.3.2 not accepting messages: §3.4 calls both transient in nature.
      case 1, 2 -> BounceClass.SOFT;
      // X.3.4 message too big for the system.
      case 4 -> BounceClass.POLICY;
      default -> null;
    };
  }

  /** RFC 3463 §3.5, network and routing status. */
  private static BounceClass routing(int detail) {
    return switch (detail) {
      // X.4.4 unable to route: no MX and no address for the domain.
      case 4 -> BounceClass.HARD;
      // No answer, bad connection, directory failure, delivery time expired: given up after
      // transient trouble; nothing says the address is bad.
      case 2, 3, 7 -> BounceClass.SOFT;
      // X.4.1 is used by Microsoft 365 for unknown recipients ("Recipient address rejected:
      // Access denied") and by others for unreachable hosts: the text decides.
      default -> null;
    };
  }

  /** RFC 3463 §3.8, security or policy status; X.7.13 is RFC 5248 §2.4. */
  private static BounceClass security(int detail) {
    // X.7.13 user account disabled: in a delivery report the account is the recipient's.
    return detail == 13 ? BounceClass.HARD : BounceClass.POLICY;
  }
}
