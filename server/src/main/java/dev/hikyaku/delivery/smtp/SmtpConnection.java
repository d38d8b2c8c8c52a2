package dev.hikyaku.delivery.smtp;

import dev.hikyaku.delivery.smtp.SmtpTranscript.Direction;
import java.io.BufferedOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.net.ssl.SSLSocket;

/**
 * One TCP connection to an SMTP server, plain or after STARTTLS: writes command lines, reads
 * replies, and turns every I/O failure into a {@link StageException} naming the stage. Feeds the
 * transcript.
 */
final class SmtpConnection implements AutoCloseable {

  private final Socket tcp;
  private final InetSocketAddress address;
  private final Duration writeTimeout;
  private final SmtpTranscript transcript;
  private final ReplyReader reader;
  private Socket socket;
  private WriteWatchdog.GuardedOutputStream guarded;
  private OutputStream out;
  private boolean closed;

  private SmtpConnection(
      Socket tcp, InetSocketAddress address, SmtpSettings settings, SmtpTranscript transcript)
      throws IOException {
    this.tcp = tcp;
    this.address = address;
    this.writeTimeout = settings.dataBlockTimeout();
    this.transcript = transcript;
    this.socket = tcp;
    this.reader =
        new ReplyReader(tcp.getInputStream(), this::setReadTimeout, settings.maxReplyLineLength());
    useOutput(tcp.getOutputStream());
  }

  /** Opens a TCP connection to {@code address} within the connect timeout. */
  static SmtpConnection open(
      InetSocketAddress address, SmtpSettings settings, SmtpTranscript transcript)
      throws StageException {
    Socket tcp = new Socket();
    try {
      tcp.setTcpNoDelay(true);
      tcp.connect(address, (int) settings.connectTimeout().toMillis());
      transcript.line(Direction.NOTE, "connected to " + address);
      return new SmtpConnection(tcp, address, settings, transcript);
    } catch (IOException e) {
      closeQuietly(tcp);
      Interruption.Kind kind =
          e instanceof SocketTimeoutException
              ? Interruption.Kind.TIMEOUT
              : Interruption.Kind.CONNECT_FAILED;
      throw new StageException(kind, SmtpStage.CONNECT, address + ": " + describe(e), e);
    }
  }

  InetSocketAddress address() {
    return address;
  }

  /** The TCP socket under any TLS layer. */
  Socket tcpSocket() {
    return tcp;
  }

  /** The socket commands go over: the TCP socket, or the TLS socket after STARTTLS. */
  Socket socket() {
    return socket;
  }

  boolean isOpen() {
    return !closed && !tcp.isClosed();
  }

  /** Whether the server sent bytes that no reply has consumed (see RFC 3207 §4.2 use). */
  boolean hasBufferedInput() {
    return reader.hasBufferedInput();
  }

  /** Continues over {@code tls}, which was layered on the TCP socket and has shaken hands. */
  void upgrade(SSLSocket tls) throws IOException {
    socket = tls;
    reader.switchTo(tls.getInputStream());
    useOutput(tls.getOutputStream());
  }

  /** Queues a command line; it is sent at the next {@link #flush}. */
  void write(String line, SmtpStage stage) throws StageException {
    writeShown(line, line, stage);
  }

  /** Queues a line that must not be shown: the transcript gets {@code shown} instead. */
  void writeShown(String line, String shown, SmtpStage stage) throws StageException {
    transcript.line(Direction.SENT, shown);
    try {
      out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw failure(e, stage);
    }
  }

  /** Sends what was queued. */
  void flush(SmtpStage stage) throws StageException {
    try {
      out.flush();
    } catch (IOException e) {
      throw failure(e, stage);
    }
  }

  /** Sends {@code line} and reads the reply to it. */
  SmtpReply command(String line, SmtpStage stage, Duration timeout) throws StageException {
    write(line, stage);
    flush(stage);
    return readReply(stage, timeout);
  }

  /** Reads the next reply, which must be complete within {@code timeout}. */
  SmtpReply readReply(SmtpStage stage, Duration timeout) throws StageException {
    try {
      SmtpReply reply = reader.read(timeout);
      String code = Integer.toString(reply.code());
      for (int i = 0; i < reply.lines().size(); i++) {
        String sep = i < reply.lines().size() - 1 ? "-" : " ";
        transcript.line(Direction.RECEIVED, code + sep + reply.lines().get(i));
      }
      return reply;
    } catch (IOException e) {
      throw failure(e, stage);
    }
  }

  /** The buffered stream for message content; writes are bounded by the data block timeout. */
  OutputStream dataOutput() {
    return out;
  }

  /** Writes a note to the transcript. */
  void note(String text) {
    transcript.line(Direction.NOTE, text);
  }

  /** The failure of {@code e} at {@code stage}, as a timeout, a lost connection or bad data. */
  StageException failure(IOException e, SmtpStage stage) {
    if (guarded.expired()) {
      return new StageException(
          Interruption.Kind.TIMEOUT,
          stage,
          "the server accepted no data for " + writeTimeout.toSeconds() + " s",
          e);
    }
    if (e instanceof SocketTimeoutException) {
      return new StageException(Interruption.Kind.TIMEOUT, stage, "no complete reply in time", e);
    }
    if (e instanceof MalformedReplyException) {
      return new StageException(Interruption.Kind.PROTOCOL_VIOLATION, stage, e.getMessage(), e);
    }
    if (e instanceof EOFException) {
      return new StageException(
          Interruption.Kind.CONNECTION_LOST, stage, "connection closed by the server", e);
    }
    return new StageException(Interruption.Kind.CONNECTION_LOST, stage, describe(e), e);
  }

  /** Closes the connection without QUIT. */
  @Override
  public void close() {
    if (!closed) {
      closed = true;
      // TCP first: closing a TLS socket first would write close_notify, which blocks for ever
      // when the server has stopped reading. SMTP needs no close_notify after QUIT.
      closeQuietly(tcp);
      closeQuietly(socket);
      transcript.line(Direction.NOTE, "connection closed");
    }
  }

  private void useOutput(OutputStream raw) {
    guarded = new WriteWatchdog.GuardedOutputStream(raw, tcp, writeTimeout);
    out = new BufferedOutputStream(guarded, 16 * 1024);
  }

  private void setReadTimeout(int millis) throws IOException {
    socket.setSoTimeout(millis);
  }

  static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank()
        ? e.getClass().getSimpleName()
        : HostNames.printable(message);
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      // Deliberately ignored: the connection is being abandoned, and a socket that fails to close
      // cleanly is closed all the same.
    }
  }
}
