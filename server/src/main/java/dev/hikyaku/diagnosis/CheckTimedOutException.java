package dev.hikyaku.diagnosis;

/** A domain check that did not finish in time: DNS or the MX hosts answer too slowly. */
public class CheckTimedOutException extends RuntimeException {

  private final String domain;
  private final long seconds;

  CheckTimedOutException(String domain, long seconds) {
    super("the check of " + domain + " did not finish within " + seconds + " s");
    this.domain = domain;
    this.seconds = seconds;
  }

  /** The domain being checked. */
  public String domain() {
    return domain;
  }

  /** The time allowed, in seconds. */
  public long seconds() {
    return seconds;
  }
}
