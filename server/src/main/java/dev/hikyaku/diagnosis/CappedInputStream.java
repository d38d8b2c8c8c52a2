package dev.hikyaku.diagnosis;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most {@code cap} bytes of an upload and then reports the end, noting whether more
 * followed: an upload is never read further than the analyzers may use.
 */
final class CappedInputStream extends FilterInputStream {

  private final long cap;
  private long count;
  private boolean truncated;

  CappedInputStream(InputStream in, long cap) {
    super(in);
    this.cap = cap;
  }

  @Override
  public int read() throws IOException {
    if (atCap()) {
      return -1;
    }
    int b = super.read();
    if (b >= 0) {
      count++;
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (atCap()) {
      return -1;
    }
    int n = super.read(buffer, offset, (int) Math.min(length, cap - count));
    if (n > 0) {
      count += n;
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    long skipped = super.skip(Math.min(n, cap - count));
    count += Math.max(skipped, 0);
    return skipped;
  }

  @Override
  public int available() throws IOException {
    return (int) Math.min(super.available(), cap - count);
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  /** How many bytes were read. */
  long count() {
    return count;
  }

  /** Whether the input went on past the cap (known once the cap was reached). */
  boolean truncated() {
    return truncated;
  }

  /** At the cap, one byte more tells whether the input was longer. */
  private boolean atCap() throws IOException {
    if (count < cap) {
      return false;
    }
    if (!truncated && super.read() >= 0) {
      truncated = true;
    }
    return true;
  }
}
