package dev.hikyaku.diagnose.encoding;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The escape structure of ISO-2022-JP text (RFC 1468).
 *
 * <p>RFC 1468 allows ASCII ({@code ESC ( B}), JIS-Roman ({@code ESC ( J}) and JIS X 0208 ({@code
 * ESC $ @}, {@code ESC $ B}); text must switch back to ASCII or JIS-Roman before each line end and
 * end in ASCII. Half-width katakana, whether by {@code ESC ( I}, by SO/SI or as 8-bit bytes, are
 * not part of it, nor are JIS X 0212 and JIS X 0213 ({@code ESC $ ( D}, {@code ESC $ ( Q}).
 *
 * @param jisEscapes how many recognised JIS escape sequences there are
 * @param escapes the distinct recognised escape sequences, such as {@code ESC $ B}
 * @param unknownEscapes how many other ESC bytes there are
 * @param halfWidthKatakana how many half-width katakana are announced or written as 8-bit bytes
 * @param eightBit how many bytes above 127 there are
 * @param eightBitKatakana how many of those are half-width katakana (0xA1 to 0xDF)
 * @param linesNotReturning how many line ends are reached in a double-byte or katakana mode
 * @param endsShifted whether the text ends in a double-byte or katakana mode
 */
record Iso2022Scan(
    int jisEscapes,
    List<String> escapes,
    int unknownEscapes,
    int halfWidthKatakana,
    int eightBit,
    int eightBitKatakana,
    int linesNotReturning,
    boolean endsShifted) {

  private static final byte ESC = 0x1B;
  private static final byte SO = 0x0E;
  private static final byte SI = 0x0F;
  private static final byte[] TO_ASCII = {ESC, '(', 'B'};

  /** ASCII, JIS-Roman, JIS X 0201 katakana, JIS X 0208, JIS X 0212, JIS X 0213 (without ESC). */
  private static final List<String> KNOWN =
      List.of("(B", "(J", "(I", "$@", "$B", "$(D", "$(O", "$(P", "$(Q");

  private enum Mode {
    SINGLE,
    DOUBLE,
    KATAKANA
  }

  Iso2022Scan {
    escapes = List.copyOf(escapes);
  }

  /** Whether the text left a double-byte mode open at a line end or at its end. */
  boolean unterminated() {
    return endsShifted || linesNotReturning > 0;
  }

  static Iso2022Scan of(byte[] bytes) {
    int jis = 0;
    int unknown = 0;
    int katakana = 0;
    int eightBit = 0;
    int eightBitKatakana = 0;
    int lines = 0;
    TreeSet<String> escapes = new TreeSet<>();
    Mode mode = Mode.SINGLE;
    boolean shiftedOut = false;
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == ESC) {
        String sequence = sequence(bytes, i);
        if (sequence.isEmpty()) {
          unknown++;
          continue;
        }
        jis++;
        escapes.add("ESC " + String.join(" ", sequence.split("")));
        i += sequence.length();
        mode =
            switch (sequence) {
              case "(B", "(J" -> Mode.SINGLE;
              case "(I" -> Mode.KATAKANA;
              default -> Mode.DOUBLE;
            };
      } else if (b == SO) {
        shiftedOut = true;
      } else if (b == SI) {
        shiftedOut = false;
      } else if (b == '\r' || b == '\n') {
        if (mode != Mode.SINGLE && !(b == '\n' && i > 0 && bytes[i - 1] == '\r')) {
          lines++;
        }
      } else if (b < 0) {
        eightBit++;
        int unsigned = b & 0xFF;
        if (unsigned >= 0xA1 && unsigned <= 0xDF) {
          eightBitKatakana++;
          katakana++;
        }
      } else if (b > 0x20 && b < 0x7F && (mode == Mode.KATAKANA || shiftedOut)) {
        katakana++;
      }
    }
    return new Iso2022Scan(
        jis,
        List.copyOf(escapes),
        unknown,
        katakana,
        eightBit,
        eightBitKatakana,
        lines,
        mode != Mode.SINGLE);
  }

  /**
   * The bytes with {@code ESC ( B} added before each line end reached in a double-byte or katakana
   * mode, that mode's escape sequence repeated after the line end, and {@code ESC ( B} added at the
   * end if needed: the text as its sender meant it, which strict decoders can read.
   */
  static byte[] closeShifts(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 64);
    byte[] shift = null; // the escape sequence of the current multi-byte mode, if in one
    for (int i = 0; i < bytes.length; i++) {
      byte b = bytes[i];
      if (b == ESC) {
        String sequence = sequence(bytes, i);
        if (!sequence.isEmpty()) {
          byte[] escape = Arrays.copyOfRange(bytes, i, i + 1 + sequence.length());
          shift = sequence.equals("(B") || sequence.equals("(J") ? null : escape;
          out.writeBytes(escape);
          i += sequence.length();
          continue;
        }
      }
      if ((b == '\r' || b == '\n') && shift != null) {
        out.writeBytes(TO_ASCII);
        while (i < bytes.length && (bytes[i] == '\r' || bytes[i] == '\n')) {
          out.write(bytes[i++]);
        }
        i--;
        out.writeBytes(shift);
        continue;
      }
      out.write(b);
    }
    if (shift != null) {
      out.writeBytes(TO_ASCII);
    }
    return out.toByteArray();
  }

  /** The escape sequence after the ESC at {@code at} without the ESC, or empty if unknown. */
  private static String sequence(byte[] bytes, int at) {
    for (String known : KNOWN) {
      if (matches(bytes, at + 1, known)) {
        return known;
      }
    }
    return "";
  }

  private static boolean matches(byte[] bytes, int from, String text) {
    if (from + text.length() > bytes.length) {
      return false;
    }
    for (int k = 0; k < text.length(); k++) {
      if (bytes[from + k] != text.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
