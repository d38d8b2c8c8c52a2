package dev.hikyaku.campaigns.render;

/** Where a template's output goes, which decides how field values are escaped. */
public enum RenderContext {
  /**
   * An HTML body: values are HTML-escaped; a value that starts a URL attribute ({@code href},
   * {@code src}, ...) must be an {@code http}, {@code https}, {@code mailto} or {@code tel} URL or
   * a relative one, a value later in a URL attribute is percent-encoded, and placeholders inside
   * {@code <script>}, {@code <style>}, event handlers or the {@code style} attribute are refused
   * when the template is parsed.
   */
  HTML,
  /** A plain text body: values are inserted as they are. */
  TEXT,
  /**
   * A header such as the subject: line breaks and other control characters in values become one
   * space, so no value can start a header of its own; the template itself may not contain a line
   * break.
   */
  HEADER
}
