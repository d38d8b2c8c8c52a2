package dev.hikyaku.delivery.smtp;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads SMTP replies (RFC 5321 §4.2) from a socket with bounded memory and a deadline per reply: a
 * line longer than the limit, more than {@link #MAX_LINES} lines, or a reply still incomplete at
 * the deadline ends the read, however slowly the bytes trickle in.
 */
final class ReplyReader {

  /** The most lines of one reply; EHLO replies have a few dozen at most. */
  static final int MAX_LINES = 100;

  /** Sets the socket's read timeout before each blocking read. */
  @FunctionalInterface
  interface ReadTimeout {
    void set(int millis) throws IOException;
  }

  private final ReadTimeout readTimeout;
  private final byte[] line;
  private final byte[] buffer = new byte[8192];
  private InputStream in;
  private int position;
  private int limit;

  ReplyReader(InputStream in, ReadTimeout readTimeout, int maxLineLength) {
    this.in = in;
    this.readTimeout = readTimeout;
    this.line = new byte[maxLineLength];
  }

  /** Reads from {@code next} from now on (after STARTTLS); see {@link #hasBufferedInput()}. */
  void switchTo(InputStream next) {
    in = next;
    position = 0;
    limit = 0;
  }

  /** Whether bytes were received that no reply has consumed yet. */
  boolean hasBufferedInput() {
    return position < limit;
  }

  /**
   * The next complete reply.
   *
   * @throws SocketTimeoutException if it is not complete within {@code timeout}
   * @throws EOFException if the server closed the connection
   * @throws MalformedReplyException if it is not a reply or exceeds the limits
   */
  SmtpReply read(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<String> texts = new ArrayList<>();
    int code = -1;
    while (true) {
      int length = readLine(deadline);
      if (length < 3 || !digit(0, '2', '5') || !digit(1, '0', '9') || !digit(2, '0', '9')) {
        throw new MalformedReplyException("not an SMTP reply line: " + excerpt(length));
      }
      int lineCode = (line[0] - '0') * 100 + (line[1] - '0') * 10 + (line[2] - '0');
      if (code >= 0 && lineCode != code) {
        // RFC 5321 §4.2.1: every line of a multiline reply has the same code.
        throw new MalformedReplyException("reply code changed within a reply: " + excerpt(length));
      }
      code = lineCode;
      boolean more = length > 3 && line[3] == '-';
      if (length > 3 && line[3] != '-' && line[3] != ' ') {
        throw new MalformedReplyException(
            "no space or hyphen after reply code: " + excerpt(length));
      }
      texts.add(length > 4 ? text(4, length) : "");
      if (!more) {
        return SmtpReply.of(code, texts);
      }
      if (texts.size() >= MAX_LINES) {
        throw new MalformedReplyException("reply longer than " + MAX_LINES + " lines");
      }
    }
  }

  /** Reads one line into {@link #line}, without its CRLF (a bare LF is tolerated); its length. */
  private int readLine(long deadline) throws IOException {
    int length = 0;
    while (true) {
      if (position == limit) {
        fill(deadline);
      }
      byte b = buffer[position++];
      if (b == '\n') {
        return length > 0 && line[length - 1] == '\r' ? length - 1 : length;
      }
      if (length == line.length - 1) {
        // RFC 5321 §4.5.3.1.5 allows 512 octets; we allow more but not without end.
        throw new MalformedReplyException("reply line longer than " + line.length + " octets");
      }
      line[length++] = b;
    }
  }

  private void fill(long deadline) throws IOException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw new SocketTimeoutException("reply not complete in time");
    }
    readTimeout.set(
        (int) Math.max(1, Math.min(Integer.MAX_VALUE, (remaining + 999_999) / 1_000_000)));
    int n = in.read(buffer, 0, buffer.length);
    if (n < 0) {
      throw new EOFException("connection closed by the server");
    }
    position = 0;
    limit = n;
  }

  private boolean digit(int index, char low, char high) {
    return line[index] >= low && line[index] <= high;
  }

  /** The text of a line as UTF-8 (RFC 6531 §3.7.4 allows it in replies), controls replaced. */
  private String text(int from, int to) {
    String s = new String(line, from, to - from, StandardCharsets.UTF_8);
    StringBuilder out = new StringBuilder(s.length());
    s.codePoints()
        .forEach(c -> out.appendCodePoint((c < 0x20 && c != '\t') || c == 0x7f ? '?' : c));
    return out.toString();
  }

  private String excerpt(int length) {
    String s = text(0, Math.min(length, 80));
    return '"' + s + (length > 80 ? "..." : "") + '"';
  }
}
