package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.logs.Dsn;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Decides what a delivery failure says about the recipient's address: {@link BounceClass#HARD},
 * {@link BounceClass#SOFT}, {@link BounceClass#POLICY} or {@link BounceClass#UNKNOWN}.
 *
 * <p>The enhanced status code decides first, because it is the machine-readable statement of the
 * cause (RFC 3463 §2): class 4 is SOFT; 5.1.1, 5.1.2, 5.1.3, 5.1.4, 5.1.6, 5.1.10 (null MX), 5.2.1,
 * 5.4.4 and 5.7.13 are HARD; 5.2.2 (mailbox full) is SOFT, as RFC 3463 §3.3 calls it a persistent
 * transient condition and most senders retry it; 5.7.x, 5.6.x, the sender-address codes 5.1.7 and
 * 5.1.8 and the size codes 5.2.3 and 5.3.4 are POLICY, the address being fine. A general code
 * (X.0.0) is first refined by a more specific one of the same class in the diagnostic text, as Exim
 * reports {@code Status: 5.0.0} for {@code 550 5.1.1}.
 *
 * <p>When the code is missing or too general (5.0.0, 5.5.x, 5.4.1), the words decide: policy words
 * (spam, blocked, listed at, ...) before address words (user unknown, no such user, mailbox
 * unavailable, ...) before transient words (mailbox full, try again). Failing that, a 4xx reply is
 * SOFT and anything else UNKNOWN. UNKNOWN never suppresses: only evidence of a bad address does.
 */
public final class BounceClassifier {

  private BounceClassifier() {}

  /** The class of a failure with enhanced status {@code status} and diagnostic {@code text}. */
  public static BounceClass classify(Optional<Dsn> status, String text) {
    Objects.requireNonNull(status, "status");
    String words = text == null ? "" : text;
    Optional<Dsn> effective =
        status.map(s -> refine(s, words)).or(() -> SmtpText.enhancedStatus(words));
    if (effective.isPresent()) {
      Optional<BounceClass> byStatus = StatusRules.classify(effective.get());
      if (byStatus.isPresent()) {
        return byStatus.get();
      }
    }
    Optional<BounceClass> byWords = DiagnosticPatterns.classify(words);
    if (byWords.isPresent()) {
      return byWords.get();
    }
    OptionalInt reply = SmtpText.leadingReplyCode(SmtpText.fromReply(words));
    if (effective.isEmpty() && reply.isPresent() && reply.getAsInt() / 100 == 4) {
      return BounceClass.SOFT;
    }
    return BounceClass.UNKNOWN;
  }

  /**
   * The class of one report entry: a delay is SOFT whatever its code (the MTA is still trying, RFC
   * 3464 §2.3.3), delivered, relayed and expanded entries are NONE, a failure is {@link
   * #classify(Optional, String)}.
   */
  public static BounceClass classify(DsnAction action, Optional<Dsn> status, String text) {
    return switch (action) {
      case DELAYED -> BounceClass.SOFT;
      case DELIVERED, RELAYED, EXPANDED -> BounceClass.NONE;
      case FAILED -> {
        BounceClass decided = classify(status, text);
        // A failed entry with a success code is inconsistent; it tells nothing of the address.
        yield decided == BounceClass.NONE ? BounceClass.UNKNOWN : decided;
      }
    };
  }

  /** {@code status}, or a more specific code of the same class from {@code text} when X.0.0. */
  private static Dsn refine(Dsn status, String text) {
    if (status.subject() != 0 || status.detail() != 0) {
      return status;
    }
    return SmtpText.enhancedStatus(text)
        .filter(found -> found.statusClass() == status.statusClass())
        .orElse(status);
  }
}
