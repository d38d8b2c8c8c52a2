package dev.hikyaku.campaigns.render;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Splits HTML into text, start tags and end tags for {@link HtmlToText}: lenient like a browser (a
 * stray {@code <} is text, an unterminated tag at the end is dropped), never throwing on bad
 * markup. Comments, doctypes and processing instructions are skipped; the content of {@code
 * <script>} and {@code <style>} is skipped up to its end tag (HTML §13.1.2.1: raw text).
 */
final class HtmlTokenizer {

  /** Receives the tokens in document order. */
  interface Handler {
    /** Text with its entities still encoded. */
    void text(String raw);

    /** A start tag; names are lower-case, attribute values still have their entities encoded. */
    void startTag(String name, Map<String, String> attributes);

    /** An end tag, name lower-case. */
    void endTag(String name);
  }

  private final String html;
  private final Handler handler;
  private int index;

  private HtmlTokenizer(String html, Handler handler) {
    this.html = html;
    this.handler = handler;
  }

  static void tokenize(String html, Handler handler) {
    new HtmlTokenizer(html, handler).run();
  }

  private void run() {
    int n = html.length();
    int textStart = 0;
    while (index < n) {
      int lt = html.indexOf('<', index);
      if (lt < 0 || lt + 1 >= n) {
        break;
      }
      char next = html.charAt(lt + 1);
      boolean markup = next == '!' || next == '?' || next == '/' || isAsciiLetter(next);
      if (!markup) {
        index = lt + 1;
        continue;
      }
      if (lt > textStart) {
        handler.text(html.substring(textStart, lt));
      }
      index = lt + 1;
      if (html.startsWith("!--", index)) {
        index = skipPast("-->", index + 3);
      } else if (next == '!' || next == '?') {
        index = skipPast(">", index);
      } else if (next == '/') {
        endTag();
      } else {
        startTag();
      }
      textStart = index;
    }
    if (textStart < n) {
      handler.text(html.substring(textStart));
    }
  }

  private void endTag() {
    int start = ++index;
    while (index < html.length() && !isSpace(html.charAt(index)) && html.charAt(index) != '>') {
      index++;
    }
    String name = html.substring(start, index).toLowerCase(Locale.ROOT);
    index = skipPast(">", index);
    if (!name.isEmpty()) {
      handler.endTag(name);
    }
  }

  private void startTag() {
    int start = index;
    while (index < html.length() && isNameChar(html.charAt(index))) {
      index++;
    }
    String name = html.substring(start, index).toLowerCase(Locale.ROOT);
    Map<String, String> attributes = new HashMap<>();
    boolean closed = false;
    while (index < html.length()) {
      char c = html.charAt(index);
      if (c == '>') {
        index++;
        closed = true;
        break;
      }
      if (isSpace(c) || c == '/') {
        index++;
        continue;
      }
      attribute(attributes);
    }
    if (!closed) {
      return; // an unterminated tag at the end is dropped, as browsers do
    }
    handler.startTag(name, attributes);
    if (name.equals("script") || name.equals("style")) {
      int end = indexOfIgnoreCase("</" + name, index);
      index = end < 0 ? html.length() : end;
    }
  }

  private void attribute(Map<String, String> attributes) {
    int start = index;
    while (index < html.length()) {
      char c = html.charAt(index);
      if (isSpace(c) || c == '=' || c == '>' || c == '/') {
        break;
      }
      index++;
    }
    String name = html.substring(start, Math.max(index, start + 1)).toLowerCase(Locale.ROOT);
    if (index == start) {
      index++; // a lone '=' or similar: skip it
    }
    skipSpaces();
    String value = "";
    if (index < html.length() && html.charAt(index) == '=') {
      index++;
      skipSpaces();
      value = attributeValue();
    }
    attributes.putIfAbsent(name, value);
  }

  private String attributeValue() {
    if (index >= html.length()) {
      return "";
    }
    char quote = html.charAt(index);
    if (quote == '"' || quote == '\'') {
      int end = html.indexOf(quote, index + 1);
      int stop = end < 0 ? html.length() : end;
      String value = html.substring(index + 1, stop);
      index = end < 0 ? html.length() : end + 1;
      return value;
    }
    int start = index;
    while (index < html.length() && !isSpace(html.charAt(index)) && html.charAt(index) != '>') {
      index++;
    }
    return html.substring(start, index);
  }

  private void skipSpaces() {
    while (index < html.length() && isSpace(html.charAt(index))) {
      index++;
    }
  }

  private int skipPast(String end, int from) {
    int at = html.indexOf(end, from);
    return at < 0 ? html.length() : at + end.length();
  }

  private int indexOfIgnoreCase(String needle, int from) {
    for (int i = from; i + needle.length() <= html.length(); i++) {
      if (html.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean isNameChar(char c) {
    return !isSpace(c) && c != '>' && c != '/';
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
