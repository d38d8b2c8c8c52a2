package dev.hikyaku.campaigns.render;

import java.util.Objects;

/** A piece of a parsed template: literal text, or a placeholder for one field. */
sealed interface Segment {

  /** Text copied as it is. */
  record Literal(String text) implements Segment {
    public Literal {
      Objects.requireNonNull(text, "text");
    }
  }

  /**
   * A field's value, or {@code defaultText} when the value is absent or blank.
   *
   * @param defaultText the default, or null when the placeholder has none
   * @param unquoted whether an HTML attribute slot has no quotes, so that whitespace ends it
   */
  record Placeholder(String field, String defaultText, Slot slot, boolean unquoted)
      implements Segment {
    public Placeholder {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(slot, "slot");
    }
  }

  /** Where a placeholder sits, which decides how its value is escaped. */
  enum Slot {
    /** Plain text: no escaping. */
    PLAIN,
    /** A header: line breaks and control characters flattened to one space. */
    HEADER,
    /** HTML character data. */
    HTML_TEXT,
    /** An ordinary HTML attribute value. */
    HTML_ATTRIBUTE,
    /** The start of a URL attribute value: the scheme is checked. */
    HTML_URL,
    /** Later in a URL attribute value, after literal text: the value is percent-encoded. */
    HTML_URL_PART
  }
}
