package dev.hikyaku.campaigns.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The bytes of one composed message: CRLF line ends, 7-bit throughout (every non-ASCII character is
 * encoded), no line over 998 octets. Immutable; read it without copying through {@link
 * #inputStream()} or {@link #writeTo}.
 */
public final class ComposedMessage {

  private final byte[] bytes;

  ComposedMessage(byte[] bytes) {
    this.bytes = bytes;
  }

  /** The size in bytes. */
  public int size() {
    return bytes.length;
  }

  /** A stream over the bytes, for signing and sending; no copy is made. */
  public InputStream inputStream() {
    return new ByteArrayInputStream(bytes);
  }

  /** Writes the bytes to {@code out}. */
  public void writeTo(OutputStream out) throws IOException {
    out.write(bytes);
  }

  /** A copy of the bytes. */
  public byte[] toByteArray() {
    return bytes.clone();
  }

  /** The message as text, for a preview; exact, since it is all ASCII. */
  @Override
  public String toString() {
    return new String(bytes, StandardCharsets.US_ASCII);
  }
}
