package dev.hikyaku.campaigns.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.text.Normalizer;
import java.util.Map;

/**
 * ISO-2022-JP as RFC 1468 defines it for mail: ASCII and JIS X 0208, switched with {@code ESC $ B}
 * and {@code ESC ( B}. Every encoded piece starts and ends in ASCII, so each body line and each
 * encoded-word stands alone. The character table is the JDK's decoder table read once, so that what
 * we write decodes to what the sender typed in Java-based readers; U+2015 is accepted for JIS
 * 0x213D as well, since Python and others decode that code to it.
 */
final class Iso2022Jp {

  private static final byte ESC = 0x1B;

  /**
   * Characters that Windows (CP932) produces where JIS X 0208 has a sibling: the same key press on
   * a Japanese keyboard, a different Unicode code point. They are sent as the JIS character.
   */
  private static final Map<Character, Character> WINDOWS_TO_JIS =
      Map.of(
          '\uFF5E', '\u301C', // FULLWIDTH TILDE -> WAVE DASH
          '\u2225', '\u2016', // PARALLEL TO -> DOUBLE VERTICAL LINE
          '\uFF0D', '\u2212', // FULLWIDTH HYPHEN-MINUS -> MINUS SIGN
          '\uFFE0', '\u00A2', // FULLWIDTH CENT SIGN -> CENT SIGN
          '\uFFE1', '\u00A3', // FULLWIDTH POUND SIGN -> POUND SIGN
          '\uFFE2', '\u00AC'); // FULLWIDTH NOT SIGN -> NOT SIGN

  /** JIS X 0208 code (row << 8 | cell, both 0x21..0x7E) of each BMP character, 0 if none. */
  private static final short[] TABLE = table();

  private Iso2022Jp() {}

  /**
   * {@code text} with the Windows siblings replaced by their JIS characters and half-width katakana
   * (which RFC 1468 excludes) replaced by full-width, combining ﾞ and ﾟ ("ｶﾞ" becomes "ガ").
   */
  static String normalise(String text) {
    StringBuilder out = null;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      Character jis = WINDOWS_TO_JIS.get(c);
      if (jis == null && !isHalfWidthKatakana(c)) {
        if (out != null) {
          out.append(c);
        }
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder(text.length()).append(text, 0, i);
      }
      if (jis != null) {
        out.append(jis.charValue());
        i++;
      } else {
        int end = i;
        while (end < text.length() && isHalfWidthKatakana(text.charAt(end))) {
          end++;
        }
        out.append(Normalizer.normalize(text.substring(i, end), Normalizer.Form.NFKC));
        i = end;
      }
    }
    return out == null ? text : out.toString();
  }

  /**
   * Whether {@code codePoint} can be written: ASCII other than the shift controls ESC, SO and SI
   * (which would corrupt the escape structure), or a JIS X 0208 character.
   */
  static boolean canEncode(int codePoint) {
    if (codePoint < 0x80) {
      return codePoint != ESC && codePoint != 0x0E && codePoint != 0x0F;
    }
    return codePoint <= 0xFFFF && TABLE[codePoint] != 0;
  }

  /** Whether {@code codePoint} is written in the ASCII set rather than JIS X 0208. */
  static boolean isAscii(int codePoint) {
    return codePoint < 0x80;
  }

  /**
   * The bytes of {@code text}, which must be normalised and encodable; they end in ASCII. Line
   * breaks in {@code text} are copied as they are: call once per line so each line ends in ASCII.
   */
  static byte[] encode(CharSequence text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length() * 2 + 8);
    boolean jis = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        if (jis) {
          out.write(ESC);
          out.write('(');
          out.write('B');
          jis = false;
        }
        out.write(c);
        continue;
      }
      int code = TABLE[c];
      if (code == 0) {
        throw new IllegalArgumentException(
            "not encodable in ISO-2022-JP (check first): U+" + Integer.toHexString(c));
      }
      if (!jis) {
        out.write(ESC);
        out.write('$');
        out.write('B');
        jis = true;
      }
      out.write(code >> 8);
      out.write(code & 0xFF);
    }
    if (jis) {
      out.write(ESC);
      out.write('(');
      out.write('B');
    }
    return out.toByteArray();
  }

  private static boolean isHalfWidthKatakana(char c) {
    return c >= '\uFF61' && c <= '\uFF9F';
  }

  private static short[] table() {
    short[] table = new short[0x10000];
    Charset jis = Charset.forName("ISO-2022-JP");
    byte[] sequence = {ESC, '$', 'B', 0, 0, ESC, '(', 'B'};
    for (int row = 0x21; row <= 0x7E; row++) {
      for (int cell = 0x21; cell <= 0x7E; cell++) {
        sequence[3] = (byte) row;
        sequence[4] = (byte) cell;
        String decoded = new String(sequence, jis);
        if (decoded.length() == 1 && decoded.charAt(0) != '\uFFFD') {
          table[decoded.charAt(0)] = (short) (row << 8 | cell);
        }
      }
    }
    if (table['\u2014'] != 0) {
      table['\u2015'] = table['\u2014']; // JIS 0x213D: EM DASH in Java, HORIZONTAL BAR elsewhere
    }
    return table;
  }
}
