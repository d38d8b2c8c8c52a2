package dev.hikyaku.campaigns.render;

/**
 * Makes text safe for one header line: every line break (CR, LF, NEL, U+2028, U+2029) and other
 * control character becomes a space, so no value can end a header field and start another (header
 * injection); RFC 5322 §2.2 allows neither CR nor LF in a field body except for folding.
 */
final class HeaderText {

  private HeaderText() {}

  /**
   * Collapses runs of ASCII spaces, line breaks and control characters to one space and strips the
   * ends; other spaces such as the ideographic space U+3000 are content and stay.
   */
  static String flatten(String value) {
    StringBuilder out = new StringBuilder(value.length());
    boolean pendingSpace = false;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (isBreakOrControl(c) || c == ' ') {
        pendingSpace = !out.isEmpty();
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * Replaces each control character with a space, keeping spacing otherwise, for the literal text
   * around placeholders.
   */
  static String flattenLiteral(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (isBreakOrControl(c)) {
        if (out == null) {
          out = new StringBuilder(text);
        }
        out.setCharAt(i, ' ');
      }
    }
    return out == null ? text : out.toString();
  }

  private static boolean isBreakOrControl(char c) {
    return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
  }
}
