package dev.hikyaku.campaigns.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Quoted-printable body encoding (RFC 2045 §6.7) of text whose lines end in CRLF: encoded lines of
 * at most 76 characters with soft breaks that never split an {@code =XX} triple, trailing spaces
 * and tabs encoded (rule 3), and "From " and "." at the start of a line encoded so that mbox files
 * and careless SMTP relays leave the text alone.
 */
final class QuotedPrintable {

  private static final int MAX_LINE = 76;
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private QuotedPrintable() {}

  static byte[] encode(byte[] text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length + text.length / 8 + 16);
    int column = 0;
    for (int i = 0; i < text.length; i++) {
      int b = text[i] & 0xFF;
      if (b == '\r' && i + 1 < text.length && text[i + 1] == '\n') {
        out.write('\r');
        out.write('\n');
        i++;
        column = 0;
        continue;
      }
      boolean lineEnd = i + 1 >= text.length || text[i + 1] == '\r';
      boolean literal = (b >= 33 && b <= 126 && b != '=') || ((b == ' ' || b == '\t') && !lineEnd);
      if (column == 0 && (b == '.' || (b == 'F' && startsWith(text, i, "From ")))) {
        literal = false;
      }
      int width = literal ? 1 : 3;
      // Leave room for the '=' of a soft break unless this is the line's last character.
      int room = lineEnd ? MAX_LINE : MAX_LINE - 1;
      if (column + width > room) {
        out.write('=');
        out.write('\r');
        out.write('\n');
        column = 0;
        if (b == '.' || (b == 'F' && startsWith(text, i, "From "))) {
          literal = false;
          width = 3;
        }
      }
      if (literal) {
        out.write(b);
      } else {
        out.write('=');
        out.write(HEX[b >> 4]);
        out.write(HEX[b & 0xF]);
      }
      column += width;
    }
    return out.toByteArray();
  }

  private static boolean startsWith(byte[] text, int at, String prefix) {
    if (at + prefix.length() > text.length) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (text[at + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }
}
