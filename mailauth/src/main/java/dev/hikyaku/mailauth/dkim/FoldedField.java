package dev.hikyaku.mailauth.dkim;

/**
 * Builds a header field folded before 78 columns (RFC 5322 §2.1.1), breaking only where DKIM allows
 * folding whitespace: between tags, around the colons of {@code h=}, inside base64.
 */
final class FoldedField {

  private static final int WIDTH = 78;

  private final StringBuilder text;
  private int column;

  FoldedField(String start) {
    text = new StringBuilder(start);
    column = start.length();
  }

  /** Starts a new tag after a space, or on a new line if it would not fit. */
  void tag(String piece) {
    if (column + 1 + piece.length() > WIDTH) {
      fold();
    } else {
      text.append(' ');
      column++;
    }
    append(piece);
  }

  /** Continues the current tag, on a new line if it would not fit. */
  void glue(String piece) {
    if (column + piece.length() > WIDTH) {
      fold();
    }
    append(piece);
  }

  /** Continues the current tag with base64, cut wherever the line is full. */
  void glueBase64(String base64) {
    int i = 0;
    while (i < base64.length()) {
      if (column >= WIDTH) {
        fold();
      }
      int n = Math.min(base64.length() - i, WIDTH - column);
      append(base64.substring(i, i + n));
      i += n;
    }
  }

  String text() {
    return text.toString();
  }

  private void fold() {
    text.append("\r\n\t");
    column = 8;
  }

  private void append(String piece) {
    text.append(piece);
    column += piece.length();
  }
}
