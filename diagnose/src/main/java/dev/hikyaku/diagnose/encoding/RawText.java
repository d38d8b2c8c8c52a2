package dev.hikyaku.diagnose.encoding;

import java.util.HexFormat;

/** Raw bytes shown printably: ASCII as it is, other bytes as {@code \xNN}. */
final class RawText {

  private RawText() {}

  /** At most {@code max} characters; tab becomes a space; an ellipsis marks a cut. */
  static String printable(byte[] bytes, int max) {
    StringBuilder out = new StringBuilder(Math.min(bytes.length, max) + 1);
    HexFormat hex = HexFormat.of().withUpperCase();
    for (byte b : bytes) {
      if (out.length() >= max) {
        out.append('…');
        break;
      }
      if (b == '\t') {
        out.append(' ');
      } else if (b >= 0x20 && b < 0x7F) {
        out.append((char) b);
      } else {
        out.append("\\x").append(hex.toHexDigits(b));
      }
    }
    return out.toString();
  }
}
