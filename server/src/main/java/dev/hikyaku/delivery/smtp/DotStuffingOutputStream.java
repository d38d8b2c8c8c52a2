package dev.hikyaku.delivery.smtp;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Encodes message content for the DATA phase: every line end (CRLF, bare LF or bare CR) becomes
 * CRLF, as RFC 5321 §2.3.8 allows no other, and a line starting with a dot gets a second one (RFC
 * 5321 §4.5.2), so that no line of the content reads as the end of data. {@link #finish()} ends the
 * last line and writes the end-of-data dot. Never closes the stream below.
 */
final class DotStuffingOutputStream extends OutputStream {

  private static final byte[] CRLF = {'\r', '\n'};
  private static final byte[] END_OF_DATA = {'.', '\r', '\n'};

  private final OutputStream out;
  private boolean lineStart = true;
  private boolean pendingCr;
  private long octets;

  DotStuffingOutputStream(OutputStream out) {
    this.out = out;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    int end = off + len;
    int run = off; // start of bytes not yet written that need no change
    for (int i = off; i < end; i++) {
      byte c = b[i];
      if (pendingCr) {
        pendingCr = false;
        emit(CRLF);
        lineStart = true;
        if (c == '\n') {
          run = i + 1;
          continue;
        }
      }
      if (c == '\r' || c == '\n') {
        emit(b, run, i - run);
        run = i + 1;
        if (c == '\r') {
          pendingCr = true; // a CRLF or a bare CR: the next byte tells
        } else {
          emit(CRLF);
          lineStart = true;
        }
        continue;
      }
      if (lineStart && c == '.') {
        emit(b, run, i - run);
        emit(new byte[] {'.'});
        run = i; // the content's dot follows the added one
      }
      lineStart = false;
    }
    emit(b, run, end - run);
  }

  /**
   * Ends the content: a CRLF if the last line has none (RFC 5321 §4.1.1.4: the end-of-data mark is
   * CRLF.CRLF, the first CRLF being the content's), then the dot, then flushes.
   */
  void finish() throws IOException {
    if (pendingCr || !lineStart) {
      pendingCr = false;
      emit(CRLF);
      lineStart = true;
    }
    out.write(END_OF_DATA);
    out.flush();
  }

  /** The octets of content written so far, as encoded, without the end-of-data dot. */
  long octets() {
    return octets;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }

  private void emit(byte[] b) throws IOException {
    emit(b, 0, b.length);
  }

  private void emit(byte[] b, int off, int len) throws IOException {
    if (len > 0) {
      out.write(b, off, len);
      octets += len;
    }
  }
}
