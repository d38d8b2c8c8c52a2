package dev.hikyaku.diagnose.bounce;

import java.util.Locale;
import java.util.Optional;

/**
 * The Feedback-Type of an abuse report: the types of RFC 5965 §7.3, {@code not-spam} of RFC 6430
 * and {@code auth-failure} of RFC 6591.
 */
public enum FeedbackType {
  /** Unsolicited or otherwise abusive mail: the usual feedback-loop complaint ("this is spam"). */
  ABUSE("abuse"),
  /** Fraud or phishing. */
  FRAUD("fraud"),
  /** The report says the message carried a virus. */
  VIRUS("virus"),
  /** Any other kind of feedback, and types this library does not know. */
  OTHER("other"),
  /** The recipient said the message is not spam (RFC 6430). */
  NOT_SPAM("not-spam"),
  /** An authentication failure report (RFC 6591), sent by a receiver, not a recipient. */
  AUTH_FAILURE("auth-failure");

  private final String token;

  FeedbackType(String token) {
    this.token = token;
  }

  /** The registered name, as written in the field. */
  public String token() {
    return token;
  }

  /** The type {@code text} names (any case); empty for an unregistered name. */
  public static Optional<FeedbackType> parse(String text) {
    String name = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    for (FeedbackType type : values()) {
      if (type.token.equals(name)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a report of this type is a complaint about the mail that must stop mail to the
   * recipient. Abuse and fraud are; so is "other" and anything unknown, because ignoring a
   * complaint costs more (reputation, and opt-out law such as Japan's 特定電子メール法) than losing one
   * address. A virus report, "not-spam" and an authentication failure report are not complaints by
   * the recipient and need a person instead.
   */
  public boolean isComplaint() {
    return this == ABUSE || this == FRAUD || this == OTHER;
  }
}
