package dev.hikyaku.diagnose.encoding;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * The message as read by the MIME parser: at most a limit of bytes, counted, and with the read
 * errors of the input itself kept apart from the parser's complaints about the message.
 */
final class BoundedSource extends InputStream {

  private final InputStream in;
  private final long limit;
  private long count;
  private boolean truncated;
  private boolean checked;
  private IOException failure;

  BoundedSource(InputStream in, long limit) {
    this.in = in;
    this.limit = limit;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    if (length == 0) {
      return 0;
    }
    if (count >= limit) {
      checkForMore();
      return -1;
    }
    try {
      int n = in.read(buffer, offset, (int) Math.min(length, limit - count));
      if (n > 0) {
        count += n;
      }
      return n;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  private void checkForMore() throws IOException {
    if (checked) {
      return;
    }
    checked = true;
    try {
      truncated = in.read() != -1;
    } catch (IOException e) {
      failure = e;
      throw e;
    }
  }

  /** How many bytes were read. */
  long count() {
    return count;
  }

  /** Whether the input goes on beyond the limit. */
  boolean truncated() {
    return truncated;
  }

  /** The read error of the input itself, if there was one. */
  Optional<IOException> failure() {
    return Optional.ofNullable(failure);
  }
}
