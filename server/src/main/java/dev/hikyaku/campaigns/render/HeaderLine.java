package dev.hikyaku.campaigns.render;

/**
 * Writes one header field, folding before a word that would carry the line past 78 characters (RFC
 * 5322 §2.1.1 and §2.2.3: folding is CRLF before whitespace). Words are never split; the callers
 * keep every word short enough that no line can pass the hard limit of 998.
 */
final class HeaderLine {

  static final int SOFT_LIMIT = 78;
  static final int HARD_LIMIT = 998;

  private final StringBuilder out;
  private final int start;
  private int column;
  private boolean empty = true;

  HeaderLine(StringBuilder out, String name) {
    this.out = out;
    this.start = name.length() + 1;
    out.append(name).append(':');
    column = start;
  }

  /** The column the next word would start at on the current line, after its space. */
  int nextColumn() {
    return column + 1;
  }

  /** Appends a word after a space, folding first if it would not fit. */
  HeaderLine word(String word) {
    check(word);
    if (!empty && column + 1 + word.length() > SOFT_LIMIT) {
      out.append("\r\n ");
      column = 1;
    } else {
      out.append(' ');
      column++;
    }
    append(word);
    return this;
  }

  /** Appends text directly after the previous word, with no place to fold. */
  HeaderLine glue(String text) {
    check(text);
    append(text);
    return this;
  }

  /** Ends the field with CRLF. */
  void end() {
    out.append("\r\n");
  }

  private void append(String text) {
    out.append(text);
    column += text.length();
    empty = false;
    if (column > HARD_LIMIT) {
      throw new IllegalStateException("header line longer than 998 characters (a bug)");
    }
  }

  /** Header text is ASCII without line breaks; anything else here is a bug, not bad input. */
  private static void check(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        throw new IllegalStateException(
            "raw character U+" + Integer.toHexString(c) + " in a header (a bug)");
      }
    }
  }
}
