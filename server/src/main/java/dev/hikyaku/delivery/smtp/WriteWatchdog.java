package dev.hikyaku.delivery.smtp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a socket when a blocking operation on it takes too long. Java sockets have read timeouts
 * but no write timeout: a server that stops reading would block a write for ever, so RFC 5321
 * §4.5.3.2.5 (data block) is enforced by closing the TCP socket under the writer. One daemon thread
 * serves every session of the process.
 */
final class WriteWatchdog {

  private static final ScheduledThreadPoolExecutor SCHEDULER = scheduler();

  private WriteWatchdog() {}

  /**
   * Starts an alarm that closes {@code socket} (the TCP socket, not a TLS layer above it, whose
   * close would wait for the blocked writer) after {@code timeout} unless it is closed first.
   */
  static Alarm arm(Socket socket, Duration timeout) {
    return new Alarm(socket, timeout);
  }

  /** An armed alarm; {@link #close()} disarms it. */
  static final class Alarm implements AutoCloseable {
    private final ScheduledFuture<?> future;
    private volatile boolean fired;

    private Alarm(Socket socket, Duration timeout) {
      future =
          SCHEDULER.schedule(
              () -> {
                fired = true;
                closeSocket(socket);
              },
              timeout.toNanos(),
              TimeUnit.NANOSECONDS);
    }

    /** Whether the alarm went off and closed the socket. */
    boolean fired() {
      return fired;
    }

    @Override
    public void close() {
      future.cancel(false);
    }
  }

  /** An output stream whose every write and flush is bounded by an alarm. */
  static final class GuardedOutputStream extends OutputStream {
    private final OutputStream out;
    private final Socket socket;
    private final Duration timeout;
    private volatile boolean expired;

    GuardedOutputStream(OutputStream out, Socket socket, Duration timeout) {
      this.out = out;
      this.socket = socket;
      this.timeout = timeout;
    }

    /** Whether a write or flush was cut short by the alarm. */
    boolean expired() {
      return expired;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      Alarm alarm = arm(socket, timeout);
      try {
        out.write(b, off, len);
      } finally {
        alarm.close();
        expired |= alarm.fired();
      }
    }

    @Override
    public void flush() throws IOException {
      Alarm alarm = arm(socket, timeout);
      try {
        out.flush();
      } finally {
        alarm.close();
        expired |= alarm.fired();
      }
    }
  }

  private static void closeSocket(Socket socket) {
    try {
      socket.close();
    } catch (IOException e) {
      // Deliberately ignored: the blocked operation fails either way and reports the timeout;
      // a failure to close an already broken socket adds nothing.
    }
  }

  private static ScheduledThreadPoolExecutor scheduler() {
    ScheduledThreadPoolExecutor executor =
        new ScheduledThreadPoolExecutor(
            1, r -> Thread.ofPlatform().daemon().name("smtp-write-watchdog").unstarted(r));
    executor.setRemoveOnCancelPolicy(true);
    return executor;
  }
}
