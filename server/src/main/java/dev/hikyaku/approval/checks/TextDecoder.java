package dev.hikyaku.approval.checks;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a text file the way Japanese offices write them: UTF-8 with or without a byte order mark,
 * UTF-16 with a byte order mark (Excel's "Unicode text") or without one, and otherwise Shift_JIS as
 * Windows writes it (windows-31j). Never fails: bytes that fit no charset become U+FFFD.
 */
final class TextDecoder {

  static final Charset WINDOWS_31J = Charset.forName("windows-31j");

  private TextDecoder() {}

  static String decode(byte[] bytes) {
    int n = bytes.length;
    if (n >= 3
        && (bytes[0] & 0xFF) == 0xEF
        && (bytes[1] & 0xFF) == 0xBB
        && (bytes[2] & 0xFF) == 0xBF) {
      return new String(bytes, 3, n - 3, StandardCharsets.UTF_8);
    }
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
      return new String(bytes, 2, n - 2, StandardCharsets.UTF_16LE);
    }
    if (n >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
      return new String(bytes, 2, n - 2, StandardCharsets.UTF_16BE);
    }
    Charset utf16 = utf16WithoutMark(bytes);
    if (utf16 != null) {
      return new String(bytes, utf16);
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException notUtf8) {
      return new String(bytes, WINDOWS_31J);
    }
  }

  /**
   * UTF-16 without a mark shows as zero bytes in every other position for Latin text; Shift_JIS and
   * UTF-8 text has no zero bytes at all.
   */
  private static Charset utf16WithoutMark(byte[] bytes) {
    int sample = Math.min(bytes.length, 4096) & ~1;
    if (sample < 8) {
      return null;
    }
    int evenZeros = 0;
    int oddZeros = 0;
    for (int i = 0; i < sample; i += 2) {
      evenZeros += bytes[i] == 0 ? 1 : 0;
      oddZeros += bytes[i + 1] == 0 ? 1 : 0;
    }
    int pairs = sample / 2;
    if (oddZeros > pairs * 3 / 10 && evenZeros < pairs / 20) {
      return StandardCharsets.UTF_16LE;
    }
    if (evenZeros > pairs * 3 / 10 && oddZeros < pairs / 20) {
      return StandardCharsets.UTF_16BE;
    }
    return null;
  }
}
