package dev.hikyaku.mailauth.results;

import java.util.List;

/**
 * A cursor over an unfolded header field value with the lexical rules of RFC 5322 §3.2 (CFWS,
 * comments, quoted strings) and RFC 8601 §2.2 (keywords, values). Every method advances or leaves
 * the position unchanged and never throws; problems are added to the shared list. Comments are read
 * iteratively, so no nesting depth can exhaust the stack.
 */
final class HeaderScanner {

  static final int MAX_COMMENT_DEPTH = 32;
  static final int MAX_PROBLEMS = 50;

  private final String text;
  private final List<String> problems;
  private int pos;

  HeaderScanner(String text, List<String> problems) {
    this.text = text;
    this.problems = problems;
  }

  int position() {
    return pos;
  }

  void reset(int position) {
    pos = position;
  }

  boolean atEnd() {
    return pos >= text.length();
  }

  /** The current character, or NUL at the end. */
  char peek() {
    return atEnd() ? '\0' : text.charAt(pos);
  }

  boolean consume(char c) {
    if (peek() == c && !atEnd()) {
      pos++;
      return true;
    }
    return false;
  }

  void problem(String problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    } else if (problems.size() == MAX_PROBLEMS) {
      problems.add("more problems not listed");
    }
  }

  /** Skips white space and comments, adding each top-level comment's text to {@code into}. */
  void skipCfws(List<String> into) {
    while (!atEnd()) {
      char c = peek();
      if (c == ' ' || c == '\t') {
        pos++;
      } else if (c == '(') {
        String comment = comment();
        if (into != null) {
          into.add(comment);
        }
      } else {
        return;
      }
    }
  }

  /** Reads a comment at {@code (}: its text without the outer parentheses and escapes. */
  String comment() {
    int start = pos;
    int depth = 0;
    boolean tooDeep = false;
    StringBuilder out = new StringBuilder();
    while (!atEnd()) {
      char c = text.charAt(pos++);
      if (c == '\\' && !atEnd()) {
        out.append(text.charAt(pos++));
        continue;
      }
      if (c == '(') {
        depth++;
        if (depth > MAX_COMMENT_DEPTH && !tooDeep) {
          tooDeep = true;
          problem("comment nested deeper than " + MAX_COMMENT_DEPTH + " at offset " + start);
        }
        if (depth == 1) {
          continue;
        }
      } else if (c == ')') {
        depth--;
        if (depth == 0) {
          return out.toString();
        }
      }
      out.append(c);
    }
    problem("unterminated comment at offset " + start);
    return out.toString();
  }

  /** Reads a quoted string at {@code "}: its content without quotes and escapes. */
  String quotedString() {
    int start = pos++;
    StringBuilder out = new StringBuilder();
    while (!atEnd()) {
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && !atEnd()) {
        c = text.charAt(pos++);
      }
      out.append(c);
    }
    problem("unterminated quoted-string at offset " + start);
    return out.toString();
  }

  /** Reads a keyword (RFC 8601 Keyword, leniently with underscores); empty if there is none. */
  String keyword() {
    int start = pos;
    while (!atEnd() && Syntax.isKeywordChar(text.charAt(pos))) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /** Reads RFC 2045 token characters, and non-ASCII ones leniently; empty if there are none. */
  String token() {
    int start = pos;
    while (!atEnd() && (Syntax.isTokenChar(text.charAt(pos)) || text.charAt(pos) > 0x7f)) {
      pos++;
    }
    return text.substring(start, pos);
  }

  /** Reads digits; empty if there are none. */
  String digits() {
    int start = pos;
    while (!atEnd() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return text.substring(start, pos);
  }

  /**
   * Reads a bare value leniently: everything up to white space, {@code ;}, a parenthesis or a
   * quote. This covers tokens, {@code local@domain} forms and the characters deployed receivers
   * leave unquoted against the grammar ({@code header.b=ab/c+d=}).
   */
  String bareValue() {
    int start = pos;
    while (!atEnd()) {
      char c = text.charAt(pos);
      if (c == ' ' || c == '\t' || c == ';' || c == '(' || c == ')' || c == '"') {
        break;
      }
      pos++;
    }
    return text.substring(start, pos);
  }

  /** Skips to the next {@code ;} outside comments and quoted strings, or to the end. */
  void skipToSemicolon() {
    while (!atEnd()) {
      char c = peek();
      if (c == ';') {
        return;
      } else if (c == '(') {
        comment();
      } else if (c == '"') {
        quotedString();
      } else {
        pos++;
      }
    }
  }

  /**
   * RFC 5322 §2.2.3 unfolding of at most {@code maxInput} characters; the CRLF ending the field is
   * dropped and other control characters become spaces, noted in {@code problems}.
   */
  static String unfold(String raw, int maxInput, List<String> problems) {
    String text = raw;
    if (text.length() > maxInput) {
      problems.add("input longer than " + maxInput + " characters; the rest ignored");
      text = text.substring(0, maxInput);
    }
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n')) {
      end--; // the CRLF ending the field
    }
    StringBuilder out = new StringBuilder(end);
    boolean replaced = false;
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      if (c == '\r' && i + 2 < end && text.charAt(i + 1) == '\n' && isWsp(text.charAt(i + 2))) {
        i++; // CRLF before WSP: a fold; the WSP stays
      } else if (c == '\n' && i + 1 < end && isWsp(text.charAt(i + 1))) {
        continue; // a bare LF fold, as in headers read from Unix mailboxes
      } else if ((c < 0x20 && c != '\t') || c == 0x7f) {
        out.append(' ');
        replaced = true;
      } else {
        out.append(c);
      }
    }
    if (replaced) {
      problems.add("control characters or bare line breaks replaced by spaces");
    }
    return out.toString();
  }

  static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }
}
