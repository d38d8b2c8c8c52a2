package dev.hikyaku.delivery.mtasts;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * A socket's input that gives up at a fixed deadline, so a server that trickles bytes cannot hold a
 * fetch longer than its whole time limit (RFC 8461 §3.3 suggests at most 60 seconds).
 */
final class DeadlineInputStream extends FilterInputStream {

  private final Socket socket;
  private final long deadlineNanos;

  DeadlineInputStream(Socket socket, InputStream in, long deadlineNanos) {
    super(in);
    this.socket = socket;
    this.deadlineNanos = deadlineNanos;
  }

  @Override
  public int read() throws IOException {
    arm();
    return super.read();
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    arm();
    return super.read(b, off, len);
  }

  private void arm() throws IOException {
    long remainingMillis = (deadlineNanos - System.nanoTime()) / 1_000_000;
    if (remainingMillis <= 0) {
      throw new SocketTimeoutException("the policy fetch took too long");
    }
    socket.setSoTimeout((int) Math.min(remainingMillis, Integer.MAX_VALUE));
  }
}
