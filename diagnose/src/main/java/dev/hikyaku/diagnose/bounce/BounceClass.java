package dev.hikyaku.diagnose.bounce;

/**
 * What a failure says about the recipient's address; {@link BounceClassifier} explains how each is
 * decided.
 */
public enum BounceClass {
  /** The address is bad for good (no such user, no such domain, null MX); suppress it. */
  HARD,
  /** A transient failure (mailbox full, try again later, delayed); keep the address. */
  SOFT,
  /**
   * The message or the sender was refused (5.7.x, spam, a blocklist, authentication): the address
   * is fine, so it must not be suppressed; the sending side has something to fix.
   */
  POLICY,
  /** A failure whose cause could not be told from the status or the text; keep the address. */
  UNKNOWN,
  /** No failure at all: the entry reports delivery, relaying or expansion (RFC 3464 §2.3.3). */
  NONE;

  /** Whether a failure of this class means the address must not be mailed again. */
  public boolean suppresses() {
    return this == HARD;
  }
}
