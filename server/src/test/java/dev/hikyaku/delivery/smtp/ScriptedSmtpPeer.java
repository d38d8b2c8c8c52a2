package dev.hikyaku.delivery.smtp;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * An SMTP server on loopback that follows a script, for the faults a real server cannot be told to
 * produce: a connection dropped in the middle of DATA or after the end-of-data dot, a peer that
 * stalls, an endless reply line, replies injected before TLS. Every connection runs the same script
 * from the start; connections are served one after the other.
 *
 * <pre>{@code
 * try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(ScriptedSmtpPeer.script()
 *     .reply("220 peer.test ESMTP")
 *     .expect("EHLO").reply("250-peer.test", "250 PIPELINING")
 *     .expect("MAIL FROM:").expect("RCPT TO:").expect("DATA")
 *     .reply("250 ok", "250 ok", "354 go on")
 *     .readData()
 *     .drop())) {
 *   // connect to peer.address(); afterwards check peer.received() and peer.failures()
 * }
 * }</pre>
 *
 * <p>When the script runs out, the peer goes on reading: QUIT gets 221 and the connection closes,
 * anything else is recorded and gets 502, so that a client never waits for a script that has ended.
 * An expectation that is not met is recorded in {@link #failures()}, answered with 500, and ends
 * the connection.
 */
public final class ScriptedSmtpPeer implements AutoCloseable {

  /** Upper bound of {@link PeerScript#endlessLine}: enough to exceed any sane reply line limit. */
  private static final long ENDLESS_LIMIT = 64L << 20;

  private final List<PeerScript.Step> steps;
  private final ServerSocket server;
  private final Thread thread;
  private final CountDownLatch closing = new CountDownLatch(1);
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final List<byte[]> data = new CopyOnWriteArrayList<>();
  private final List<String> failures = new CopyOnWriteArrayList<>();
  private volatile int connections;
  private int ended; // guarded by this
  private volatile Socket current;

  private ScriptedSmtpPeer(List<PeerScript.Step> steps) throws IOException {
    this.steps = List.copyOf(steps);
    this.server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    this.thread = Thread.ofPlatform().daemon().name("scripted-smtp-peer").start(this::serve);
  }

  /** A new, empty script. */
  public static PeerScript script() {
    return new PeerScript();
  }

  /** Starts listening on an ephemeral loopback port. */
  public static ScriptedSmtpPeer start(PeerScript script) throws IOException {
    return new ScriptedSmtpPeer(script.steps());
  }

  /** The address to connect to. */
  public InetSocketAddress address() {
    return new InetSocketAddress(server.getInetAddress(), server.getLocalPort());
  }

  /** Every command line received, on all connections, without CRLF; data content excluded. */
  public List<String> received() {
    return List.copyOf(received);
  }

  /** The raw content (still dot-stuffed, with the final dot line) of each {@code readData} step. */
  public List<byte[]> data() {
    return List.copyOf(data);
  }

  /** Expectations of the script that were not met. */
  public List<String> failures() {
    return List.copyOf(failures);
  }

  /** How many connections were accepted. */
  public int connections() {
    return connections;
  }

  /**
   * Waits until {@code count} connections have ended (script done and client gone, or dropped), so
   * that {@link #received()}, {@link #data()} and {@link #failures()} are complete for them.
   *
   * @return false if that did not happen within {@code timeout}
   */
  public synchronized boolean awaitConnectionsEnded(int count, Duration timeout)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (ended < count) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return false;
      }
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    return true;
  }

  /** Stops listening, ends stalls and closes any open connection. */
  @Override
  public void close() throws IOException {
    closing.countDown();
    server.close();
    Socket s = current;
    if (s != null) {
      s.close();
    }
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serve() {
    while (!server.isClosed()) {
      try (Socket socket = server.accept()) {
        current = socket;
        connections++;
        run(socket);
      } catch (IOException e) {
        // The client went away or the peer was closed: the next connection starts afresh.
        if (!server.isClosed()) {
          received.add("<connection ended: " + e.getMessage() + ">");
        }
      }
      synchronized (this) {
        ended++;
        notifyAll();
      }
    }
  }

  private void run(Socket socket) throws IOException {
    InputStream in = socket.getInputStream();
    OutputStream out = socket.getOutputStream();
    for (PeerScript.Step step : steps) {
      switch (step) {
        case PeerScript.Step.Reply reply -> {
          StringBuilder text = new StringBuilder();
          for (String line : reply.lines()) {
            text.append(line).append("\r\n");
          }
          write(out, text.toString().getBytes(StandardCharsets.UTF_8));
        }
        case PeerScript.Step.Raw raw -> write(out, raw.bytes());
        case PeerScript.Step.Expect expect -> {
          String line = readLine(in);
          if (line == null) {
            failures.add("expected " + expect.prefix() + ", but the client closed the connection");
            return;
          }
          received.add(line);
          if (!line.toUpperCase(Locale.ROOT).startsWith(expect.prefix().toUpperCase(Locale.ROOT))) {
            failures.add("expected " + expect.prefix() + ", got " + line);
            write(
                out,
                "500 5.5.1 not what the script expected\r\n".getBytes(StandardCharsets.US_ASCII));
            return;
          }
        }
        case PeerScript.Step.ReadData readData -> {
          byte[] content = readData(in);
          if (content == null) {
            failures.add("expected message data, but the client closed the connection");
            return;
          }
          data.add(content);
        }
        case PeerScript.Step.ReadOctets readOctets -> {
          long left = readOctets.count();
          byte[] buffer = new byte[8192];
          while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
              failures.add("expected " + readOctets.count() + " octets, the client closed");
              return;
            }
            left -= n;
          }
        }
        case PeerScript.Step.EndlessLine endless -> {
          write(out, endless.prefix().getBytes(StandardCharsets.US_ASCII));
          byte[] chunk = "x".repeat(8192).getBytes(StandardCharsets.US_ASCII);
          for (long sent = 0; sent < ENDLESS_LIMIT; sent += chunk.length) {
            out.write(chunk); // ends with an IOException once the client gives up and closes
          }
        }
        case PeerScript.Step.Pause pause -> {
          if (closingWithin(pause.duration())) {
            return;
          }
        }
        case PeerScript.Step.Stall stall -> {
          closingWithin(Duration.ofMinutes(10));
          return;
        }
        case PeerScript.Step.Drop drop -> {
          return; // try-with-resources in serve() closes the socket
        }
      }
    }
    epilogue(in, out);
  }

  private void epilogue(InputStream in, OutputStream out) throws IOException {
    for (String line = readLine(in); line != null; line = readLine(in)) {
      received.add(line);
      if (line.equalsIgnoreCase("QUIT")) {
        write(out, "221 2.0.0 bye\r\n".getBytes(StandardCharsets.US_ASCII));
        return;
      }
      write(out, "502 5.5.1 the script has ended\r\n".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private boolean closingWithin(Duration duration) {
    try {
      return closing.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  private static void write(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }

  /** One line without CRLF, or null at the end of the stream. Byte-wise: no read-ahead. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b >= 0; b = in.read()) {
      if (b == '\n') {
        byte[] bytes = line.toByteArray();
        int length =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
      }
      line.write(b);
    }
    return null;
  }

  /** Data up to and including the CRLF.CRLF end mark, or null if the client closed before it. */
  private static byte[] readData(InputStream in) throws IOException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    byte[] end = {'\r', '\n', '.', '\r', '\n'};
    int matched = 2; // the DATA line's own CRLF counts as the start of a line
    for (int b = in.read(); b >= 0; b = in.read()) {
      content.write(b);
      if (b == end[matched]) {
        matched++;
      } else {
        matched = b == '\r' ? 1 : 0;
      }
      if (matched == end.length) {
        return content.toByteArray();
      }
    }
    return null;
  }
}
