package dev.hikyaku.campaigns.render;

import java.util.Objects;

/**
 * One problem found when parsing a template, at a 1-based line and column (columns count Unicode
 * code points, so a Japanese character is one column).
 *
 * @param line the line of the problem, from 1
 * @param column the column of the problem, from 1
 * @param kind what is wrong
 * @param message the problem in words, for the console
 */
public record TemplateError(int line, int column, Kind kind, String message) {

  /** The kinds of template problems. */
  public enum Kind {
    /** An opening <code>&#123;&#123;</code> without its closing braces on the same line. */
    UNCLOSED_PLACEHOLDER,
    /** A field name that is empty, too long or has characters other than letters, digits, _ . -. */
    INVALID_FIELD_NAME,
    /** A line break in a template for a header. */
    LINE_BREAK_IN_HEADER,
    /** A placeholder in an HTML position where escaping cannot make a value safe. */
    UNSAFE_HTML_POSITION
  }

  public TemplateError {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column start at 1: " + line + ":" + column);
    }
  }

  @Override
  public String toString() {
    return line + ":" + column + ": " + message;
  }
}
