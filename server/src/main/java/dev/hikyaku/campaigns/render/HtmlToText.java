package dev.hikyaku.campaigns.render;

import java.util.Objects;

/**
 * Derives the text/plain alternative of an HTML body: paragraphs and headings separated by blank
 * lines, {@code <br>} as a line break, list items as {@code "- "} (or {@code "1. "} in ordered
 * lists), links as {@code text (url)}, images as their alt text, entities decoded (numeric ones
 * too), script, style and head dropped, whitespace collapsed, and lines wrapped by display width
 * (Japanese characters count two columns, Latin words are never split). Lines end in LF; bad markup
 * never throws.
 */
public final class HtmlToText {

  /** The default width in display columns: 36 Japanese characters, the customary mail width. */
  public static final int DEFAULT_WIDTH = 72;

  private HtmlToText() {}

  /** The text of {@code html}, wrapped to {@link #DEFAULT_WIDTH} columns. */
  public static String convert(String html) {
    return convert(html, DEFAULT_WIDTH);
  }

  /** The text of {@code html}, wrapped to {@code width} columns (at least 20). */
  public static String convert(String html, int width) {
    Objects.requireNonNull(html, "html");
    if (width < 20) {
      throw new IllegalArgumentException("width must be at least 20 columns: " + width);
    }
    PlainTextBuilder builder = new PlainTextBuilder(width);
    HtmlTokenizer.tokenize(html, builder);
    return builder.text();
  }
}
