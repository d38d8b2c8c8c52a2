package dev.hikyaku.approval.checks;

/**
 * How many more bytes the archives of one attachment may inflate to. Charged as bytes come out of
 * the inflater, never from the sizes an archive declares: a zip bomb declares small sizes.
 */
final class InflateBudget {

  private long remaining;
  private boolean exceeded;

  InflateBudget(long limit) {
    this.remaining = limit;
  }

  /** Takes {@code bytes} from the budget; false, and exceeded from then on, if they do not fit. */
  boolean charge(long bytes) {
    if (bytes > remaining) {
      remaining = 0;
      exceeded = true;
      return false;
    }
    remaining -= bytes;
    return true;
  }

  boolean exceeded() {
    return exceeded;
  }
}
