package dev.hikyaku.diagnose.logs;

import java.util.OptionalInt;

/**
 * A position in one log message, read forwards.
 *
 * <p>The parsers use this instead of regular expressions: every method looks at each character at
 * most a constant number of times, so a hostile 100 KB line costs linear time, never the
 * backtracking a pattern like {@code (.*) from (.*);} can fall into.
 */
final class TextCursor {

  private final String text;
  private int position;

  TextCursor(String text) {
    this(text, 0);
  }

  TextCursor(String text, int position) {
    this.text = text;
    this.position = Math.min(Math.max(position, 0), text.length());
  }

  String text() {
    return text;
  }

  int position() {
    return position;
  }

  void moveTo(int newPosition) {
    position = Math.min(Math.max(newPosition, 0), text.length());
  }

  boolean atEnd() {
    return position >= text.length();
  }

  /** The character at the cursor, or 0 at the end. */
  char peek() {
    return atEnd() ? 0 : text.charAt(position);
  }

  String rest() {
    return text.substring(position);
  }

  boolean lookingAt(String literal) {
    return text.startsWith(literal, position);
  }

  /** Moves past {@code literal} if the text continues with it. */
  boolean skip(String literal) {
    if (lookingAt(literal)) {
      position += literal.length();
      return true;
    }
    return false;
  }

  /**
   * The text up to {@code delimiter}, moving past the delimiter; null, without moving, if the
   * delimiter does not follow.
   */
  String upTo(String delimiter) {
    int at = text.indexOf(delimiter, position);
    if (at < 0) {
      return null;
    }
    String found = text.substring(position, at);
    position = at + delimiter.length();
    return found;
  }

  /**
   * The text up to {@code delimiter} within the next {@code limit} characters, moving past the
   * delimiter; null, without moving, if it does not come that soon.
   */
  String upTo(char delimiter, int limit) {
    int end = Math.min(text.length(), position + limit + 1);
    for (int i = position; i < end; i++) {
      if (text.charAt(i) == delimiter) {
        String found = text.substring(position, i);
        position = i + 1;
        return found;
      }
    }
    return null;
  }

  /** The text up to the next space (or the end), without moving past the space. */
  String word() {
    int end = position;
    while (end < text.length() && text.charAt(end) != ' ') {
      end++;
    }
    String found = text.substring(position, end);
    position = end;
    return found;
  }

  /** A run of at most nine decimal digits, or empty (without moving) if none follows. */
  OptionalInt number() {
    int end = position;
    while (end < text.length() && end - position < 9 && isDigit(text.charAt(end))) {
      end++;
    }
    if (end == position || end < text.length() && isDigit(text.charAt(end))) {
      return OptionalInt.empty();
    }
    int value = Integer.parseInt(text, position, end, 10);
    position = end;
    return OptionalInt.of(value);
  }

  /** A decimal number with an optional fraction ({@code 1.25}), as text, or null. */
  String decimal() {
    int end = position;
    while (end < text.length() && (isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
      end++;
    }
    if (end == position) {
      return null;
    }
    String found = text.substring(position, end);
    position = end;
    return found;
  }

  /** Words made only of capitals and hyphens ({@code COMMAND TIME LIMIT}), or an empty string. */
  String capitalWords() {
    int end = position;
    int lastWordEnd = position;
    while (end < text.length()) {
      int wordStart = end;
      while (end < text.length() && isCapitalOrHyphen(text.charAt(end))) {
        end++;
      }
      if (end == wordStart || end < text.length() && text.charAt(end) != ' ') {
        break;
      }
      lastWordEnd = end;
      end++;
    }
    String found = text.substring(position, lastWordEnd);
    position = lastWordEnd;
    return found;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isCapitalOrHyphen(char c) {
    return c >= 'A' && c <= 'Z' || c == '-';
  }
}
