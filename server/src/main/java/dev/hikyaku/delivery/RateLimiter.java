package dev.hikyaku.delivery;

/** At most {@code perSecond} messages per second from this node (0: no limit); callers wait. */
final class RateLimiter {

  private final double perSecond;
  private long nextFreeNanos = System.nanoTime();

  RateLimiter(double perSecond) {
    this.perSecond = perSecond;
  }

  void acquire(int messages) {
    if (perSecond <= 0) {
      return;
    }
    long wait;
    synchronized (this) {
      long now = System.nanoTime();
      long start = Math.max(now, nextFreeNanos);
      nextFreeNanos = start + (long) (messages * 1_000_000_000L / perSecond);
      wait = start - now;
    }
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
