package dev.hikyaku.audience.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/**
 * The characters of an uploaded file, decoded in chunks, with the physical line of every character
 * and a count of the byte sequences that did not decode.
 *
 * <p>Bytes that are not valid in the charset become U+FFFD and are counted where they are read, so
 * the tokenizer can reject exactly the records that hold them instead of importing mojibake. When
 * the file looked like UTF-8 only because everything so far was ASCII, the first byte that is not
 * UTF-8 switches the decoder to windows-31j: ASCII reads the same in both, so nothing is lost.
 */
final class DecodedText {

  private static final int CHUNK = 8192;

  private final InputStream in;
  private final ByteBuffer bytes = ByteBuffer.allocate(CHUNK).flip();
  private final CharBuffer chars = CharBuffer.allocate(CHUNK).flip();
  // Positions in {@code chars} of replacement characters, in order.
  private final int[] undecodable = new int[CHUNK];
  private CharsetDecoder decoder;
  private boolean mayFallBack;
  private int undecodableCount;
  private int undecodableNext;
  private int fallbackPosition = -1;
  private boolean endOfInput;
  private boolean finished;
  private long line = 1;
  private int previous = -1;
  private long undecodableSeen;
  private long fallbackLine;

  /**
   * Decodes {@code in} with {@code charset}; {@code fallBackToWindows31j} allows the switch
   * described above while every character so far is ASCII.
   */
  DecodedText(InputStream in, Charset charset, boolean fallBackToWindows31j) {
    this.in = in;
    this.decoder = strict(charset);
    this.mayFallBack = fallBackToWindows31j;
  }

  private static CharsetDecoder strict(Charset charset) {
    return charset
        .newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
  }

  /** The physical line (1-based) of the next character. */
  long line() {
    return line;
  }

  /** How many byte sequences that did not decode have been read so far. */
  long undecodableSeen() {
    return undecodableSeen;
  }

  /** The line where the decoder switched to windows-31j, or 0 if it did not. */
  long fallbackLine() {
    return fallbackLine;
  }

  /** The charset that decodes the bytes now. */
  Charset charset() {
    return decoder.charset();
  }

  /** The next character, or -1 at the end of the file. */
  int next() {
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    int position = chars.position();
    char c = chars.get();
    if (undecodableNext < undecodableCount && undecodable[undecodableNext] == position) {
      undecodableNext++;
      undecodableSeen++;
    }
    if (position == fallbackPosition) {
      fallbackPosition = -1;
      fallbackLine = line;
    }
    // CR, LF and CRLF each end one physical line.
    if (c == '\r' || (c == '\n' && previous != '\r')) {
      line++;
    }
    previous = c;
    return c;
  }

  /** The next character without reading it, or -1 at the end of the file. */
  int peek() {
    if (!chars.hasRemaining() && !fill()) {
      return -1;
    }
    return chars.get(chars.position());
  }

  private boolean fill() {
    if (finished) {
      return false;
    }
    chars.clear();
    undecodableCount = 0;
    undecodableNext = 0;
    fallbackPosition = -1;
    try {
      decodeChunk();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    chars.flip();
    return chars.hasRemaining();
  }

  private void decodeChunk() throws IOException {
    while (true) {
      int start = chars.position();
      CoderResult result = decoder.decode(bytes, chars, endOfInput);
      if (mayFallBack) {
        noticeNonAscii(start);
      }
      if (result.isOverflow()) {
        return;
      }
      if (result.isError()) {
        if (mayFallBack) {
          decoder = strict(DetectedEncoding.WINDOWS_31J);
          mayFallBack = false;
          fallbackPosition = chars.position();
        } else if (chars.hasRemaining()) {
          undecodable[undecodableCount++] = chars.position();
          chars.put('\uFFFD');
          bytes.position(bytes.position() + result.length());
        } else {
          return;
        }
      } else if (endOfInput) {
        if (decoder.flush(chars).isUnderflow()) {
          finished = true;
        }
        return;
      } else if (chars.position() > 0) {
        return;
      } else {
        readMore();
      }
    }
  }

  private void noticeNonAscii(int from) {
    for (int i = from; i < chars.position(); i++) {
      if (chars.get(i) > 0x7F) {
        mayFallBack = false;
        return;
      }
    }
  }

  private void readMore() throws IOException {
    bytes.compact();
    int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
    if (n < 0) {
      endOfInput = true;
    } else {
      bytes.position(bytes.position() + n);
    }
    bytes.flip();
  }
}
