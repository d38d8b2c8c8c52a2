package dev.hikyaku.diagnose.headers;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Splits a Received field's value into its stamp and its date-time, and the stamp into words and
 * comments. Every method is one linear pass without regular expressions, so hostile input such as a
 * megabyte of open parentheses costs no more than its length.
 */
final class StampTokens {

  /** A word (atom, domain, address literal, angle-addr, quoted string) or a comment. */
  record Token(boolean comment, String text) {
    Token {
      Objects.requireNonNull(text, "text");
    }
  }

  /** The part before the date-time's ';' and the date-time text, empty when there is no ';'. */
  record Split(String stamp, String date, boolean hasDate) {}

  private StampTokens() {}

  /**
   * Splits at the last ';' outside comments and quoted strings (RFC 5322 §3.6.7: the date-time
   * follows the last ';'); if a comment or quoted string is left open, at the last ';' at all.
   */
  static Split split(String value) {
    int depth = 0;
    boolean quoted = false;
    int semicolon = -1;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && (quoted || depth > 0)) {
        i++;
      } else if (depth == 0 && c == '"') {
        quoted = !quoted;
      } else if (!quoted && c == '(') {
        depth++;
      } else if (!quoted && c == ')' && depth > 0) {
        depth--;
      } else if (!quoted && depth == 0 && c == ';') {
        semicolon = i;
      }
    }
    if (depth > 0 || quoted) {
      semicolon = value.lastIndexOf(';');
    }
    if (semicolon < 0) {
      return new Split(value, "", false);
    }
    return new Split(value.substring(0, semicolon), value.substring(semicolon + 1).strip(), true);
  }

  /**
   * The words and comments of {@code stamp}, in order. A comment's text keeps its nested comments
   * with their parentheses; a comment left open runs to the end, which is added to {@code
   * problems}.
   */
  static List<Token> tokens(String stamp, List<String> problems) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = stamp.length();
    while (i < n) {
      char c = stamp.charAt(i);
      if (isSpace(c) || c == ';') {
        i++;
      } else if (c == '(') {
        i = comment(stamp, i, tokens, problems);
      } else if (c == ')') {
        ReceivedParser.note(problems, "')' without '('");
        i++;
      } else {
        i = word(stamp, i, tokens);
      }
    }
    return tokens;
  }

  private static int comment(String stamp, int start, List<Token> tokens, List<String> problems) {
    StringBuilder text = new StringBuilder();
    int depth = 1;
    int i = start + 1;
    for (; i < stamp.length() && depth > 0; i++) {
      char c = stamp.charAt(i);
      if (c == '\\' && i + 1 < stamp.length()) {
        text.append(stamp.charAt(++i)); // RFC 5322 §3.2.1 quoted-pair
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
      }
      if (depth > 0) {
        text.append(c);
      }
    }
    if (depth > 0) {
      ReceivedParser.note(problems, "unclosed comment");
    }
    tokens.add(new Token(true, text.toString().strip()));
    return i;
  }

  /** Reads a word up to white space, a comment or ';'; quoted strings and angle-addrs inside. */
  private static int word(String stamp, int start, List<Token> tokens) {
    int i = start;
    int n = stamp.length();
    while (i < n) {
      char c = stamp.charAt(i);
      if (isSpace(c) || c == '(' || c == ')' || c == ';') {
        break;
      }
      if (c == '"') {
        i = skipQuoted(stamp, i + 1);
      } else if (c == '<') {
        i = skipAngle(stamp, i + 1);
      } else {
        i++;
      }
    }
    tokens.add(new Token(false, stamp.substring(start, i)));
    return i;
  }

  /** Skips to after the '>' closing an angle-addr, or to white space if it is not closed. */
  private static int skipAngle(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (isSpace(c)) {
        return i;
      }
    }
    return text.length();
  }

  private static int skipQuoted(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return text.length();
  }

  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** The white-space separated parts of {@code text}. */
  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean space = i == text.length() || isSpace(text.charAt(i));
      if (space && start >= 0) {
        words.add(text.substring(start, i));
        start = -1;
      } else if (!space && start < 0) {
        start = i;
      }
    }
    return words;
  }
}
