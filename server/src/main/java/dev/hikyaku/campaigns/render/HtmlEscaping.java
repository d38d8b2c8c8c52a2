package dev.hikyaku.campaigns.render;

import java.nio.charset.StandardCharsets;

/** Escapes field values for the HTML slots a template parser found. */
final class HtmlEscaping {

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private HtmlEscaping() {}

  /** Character data or a quoted attribute value: the five characters HTML gives meaning to. */
  static void appendText(StringBuilder out, String value) {
    for (int i = 0; i < value.length(); i++) {
      appendEscaped(out, value.charAt(i));
    }
  }

  private static void appendEscaped(StringBuilder out, char c) {
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '"' -> out.append("&quot;");
      case '\'' -> out.append("&#39;");
      default -> out.append(c);
    }
  }

  /**
   * An attribute value; an unquoted one also ends at whitespace and is confused by {@code = `}, so
   * those are written as character references too (HTML §13.2.5.38).
   */
  static void appendAttribute(StringBuilder out, String value, boolean unquoted) {
    if (!unquoted) {
      appendText(out, value);
      return;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '=' || c == '`' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        out.append("&#").append((int) c).append(';');
      } else {
        appendEscaped(out, c);
      }
    }
  }

  /**
   * Percent-encodes a value as one URL component (RFC 3986 §2.3: only unreserved characters stay as
   * they are), so a value after literal URL text cannot add a path, query or fragment.
   */
  static void appendUrlComponent(StringBuilder out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    for (byte b : bytes) {
      int v = b & 0xff;
      if ((v >= 'a' && v <= 'z')
          || (v >= 'A' && v <= 'Z')
          || (v >= '0' && v <= '9')
          || v == '-'
          || v == '.'
          || v == '_'
          || v == '~') {
        out.append((char) v);
      } else {
        out.append('%').append(HEX[v >> 4]).append(HEX[v & 0xf]);
      }
    }
  }
}
