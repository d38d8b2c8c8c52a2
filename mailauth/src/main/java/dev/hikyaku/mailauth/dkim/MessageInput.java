package dev.hikyaku.mailauth.dkim;

import java.io.IOException;
import java.io.InputStream;

/**
 * A buffered view of a message stream: the header parser reads it a byte at a time, the body hash
 * then takes the rest in large chunks from the same buffer. Not thread-safe; never closes the
 * underlying stream.
 */
final class MessageInput {

  private static final int BUFFER_SIZE = 64 * 1024;

  private final InputStream in;
  private final byte[] buffer = new byte[BUFFER_SIZE];
  private int position;
  private int limit;

  MessageInput(InputStream in) {
    this.in = in;
  }

  /** The next byte, or -1 at the end of the stream. */
  int read() throws IOException {
    if (position == limit && !fill()) {
      return -1;
    }
    return buffer[position++] & 0xff;
  }

  /** Hands the rest of the stream to {@code sink} in chunks; the chunk array is reused. */
  void drainTo(ChunkSink sink) throws IOException {
    while (position < limit || fill()) {
      sink.accept(buffer, position, limit - position);
      position = limit;
    }
  }

  private boolean fill() throws IOException {
    int n;
    do {
      n = in.read(buffer, 0, buffer.length);
    } while (n == 0);
    if (n < 0) {
      return false;
    }
    position = 0;
    limit = n;
    return true;
  }

  /** Receives a chunk of the body. */
  @FunctionalInterface
  interface ChunkSink {
    void accept(byte[] bytes, int offset, int length);
  }
}
