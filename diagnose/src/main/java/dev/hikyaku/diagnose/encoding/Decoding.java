package dev.hikyaku.diagnose.encoding;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;

/** Decodes bytes strictly, counting each malformed or unmappable sequence as one replacement. */
final class Decoding {

  private Decoding() {}

  /**
   * Text decoded from bytes.
   *
   * @param text the text, with U+FFFD where a sequence could not be decoded
   * @param errors how many sequences could not be decoded
   */
  record Decoded(String text, int errors) {
    boolean clean() {
      return errors == 0;
    }
  }

  static Decoded decode(byte[] bytes, Charset charset) {
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 16);
    int errors = 0;
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isUnderflow()) {
        break; // with endOfInput, all input was consumed
      }
      if (result.isOverflow()) {
        out = grow(out);
        continue;
      }
      errors++;
      if (!out.hasRemaining()) {
        out = grow(out);
      }
      out.put('\uFFFD');
      in.position(Math.min(in.limit(), in.position() + result.length()));
    }
    while (decoder.flush(out).isOverflow()) {
      out = grow(out);
    }
    out.flip();
    return new Decoded(out.toString(), errors);
  }

  private static CharBuffer grow(CharBuffer out) {
    CharBuffer bigger = CharBuffer.allocate(out.capacity() * 2 + 16);
    out.flip();
    bigger.put(out);
    return bigger;
  }
}
