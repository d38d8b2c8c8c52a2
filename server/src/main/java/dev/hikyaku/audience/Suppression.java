package dev.hikyaku.audience;

import java.time.Instant;

/** An address no campaign is sent to, and why. */
public record Suppression(
    long id, String email, Reason reason, String detail, String createdBy, Instant createdAt) {

  /** Why an address is suppressed. */
  public enum Reason {
    /** A hard bounce: the mailbox does not exist. */
    BOUNCED,
    /** The recipient reported the mail as spam (a feedback-loop report). */
    COMPLAINED,
    /** The recipient unsubscribed (link, one-click or mailto). */
    UNSUBSCRIBED,
    /** Added by a person. */
    MANUAL
  }
}
