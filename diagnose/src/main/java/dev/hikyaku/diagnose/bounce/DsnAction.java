package dev.hikyaku.diagnose.bounce;

import java.util.Locale;
import java.util.Optional;

/** The Action field of a per-recipient block: what the reporting MTA did (RFC 3464 §2.3.3). */
public enum DsnAction {
  /** Delivery failed for good; the MTA will not try again. */
  FAILED,
  /** Delivery has not succeeded yet; the MTA is still trying. */
  DELAYED,
  /** Delivered to the recipient's mailbox. */
  DELIVERED,
  /** Handed on to a system that does not send delivery reports. */
  RELAYED,
  /** Delivered and forwarded on to several further addresses. */
  EXPANDED;

  /**
   * The action {@code text} names, in any case; text after the keyword such as a comment or the
   * {@code (to ...)} of some MTAs is ignored. Empty for anything else.
   */
  public static Optional<DsnAction> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String word = text.strip();
    int end = 0;
    while (end < word.length() && Character.isLetter(word.charAt(end))) {
      end++;
    }
    return switch (word.substring(0, end).toLowerCase(Locale.ROOT)) {
      case "failed" -> Optional.of(FAILED);
      case "delayed" -> Optional.of(DELAYED);
      case "delivered" -> Optional.of(DELIVERED);
      case "relayed" -> Optional.of(RELAYED);
      case "expanded" -> Optional.of(EXPANDED);
      default -> Optional.empty();
    };
  }

  /** Whether this action reports a failure to deliver, final or not yet final. */
  public boolean isFailure() {
    return this == FAILED || this == DELAYED;
  }
}
