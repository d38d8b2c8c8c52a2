package dev.hikyaku.campaigns.render;

import java.util.Set;

/**
 * Follows the literal text of an HTML template with a small tokenizer state machine (after the
 * WHATWG HTML tokenizer, simplified) so that each placeholder knows whether it is in text, an
 * attribute value or somewhere no escaping can make safe. Placeholder values never change the
 * state: their escaping guarantees that.
 */
final class HtmlSlots {

  /** Attributes whose value is a URL (HTML §2.4 "URL-valued" attributes). */
  private static final Set<String> URL_ATTRIBUTES =
      Set.of(
          "href",
          "src",
          "action",
          "formaction",
          "background",
          "poster",
          "cite",
          "longdesc",
          "usemap",
          "data",
          "codebase",
          "manifest",
          "icon",
          "xlink:href",
          "srcset",
          "ping");

  /** Elements whose content is raw text (HTML §13.1.2): entities are not decoded there. */
  private static final Set<String> RAW_TEXT_ELEMENTS =
      Set.of("script", "style", "xmp", "iframe", "noembed", "noframes", "noscript");

  private enum State {
    DATA,
    TAG_OPEN,
    TAG_NAME,
    END_TAG,
    BEFORE_ATTRIBUTE_NAME,
    ATTRIBUTE_NAME,
    AFTER_ATTRIBUTE_NAME,
    BEFORE_ATTRIBUTE_VALUE,
    VALUE_DOUBLE_QUOTED,
    VALUE_SINGLE_QUOTED,
    VALUE_UNQUOTED,
    MARKUP_DECLARATION,
    COMMENT,
    RAW_TEXT
  }

  /** Where a placeholder goes, or why it may not go there. */
  sealed interface Position {
    /** A safe slot. */
    record Safe(Segment.Slot slot, boolean unquoted) implements Position {}

    /** No escaping makes a value safe here; {@code reason} says why. */
    record Unsafe(String reason) implements Position {}
  }

  private State state = State.DATA;
  private final StringBuilder tagName = new StringBuilder();
  private final StringBuilder attributeName = new StringBuilder();
  private final StringBuilder markup = new StringBuilder();
  private int valueLength;
  private int dashes;
  private String rawTextEnd = "";
  private int rawTextMatched;

  /** Advances over literal template text. */
  void literal(CharSequence text) {
    for (int i = 0; i < text.length(); i++) {
      step(text.charAt(i));
    }
  }

  /** Where a placeholder at the current point goes; the state moves past it as past a value. */
  Position placeholder() {
    switch (state) {
      case DATA, COMMENT -> {
        return new Position.Safe(Segment.Slot.HTML_TEXT, false);
      }
      case BEFORE_ATTRIBUTE_VALUE -> {
        state = State.VALUE_UNQUOTED;
        valueLength = 0;
        return attributeValue(true);
      }
      case VALUE_UNQUOTED -> {
        return attributeValue(true);
      }
      case VALUE_DOUBLE_QUOTED, VALUE_SINGLE_QUOTED -> {
        return attributeValue(false);
      }
      case RAW_TEXT -> {
        return new Position.Unsafe("a placeholder inside <" + rawTextEnd.substring(2) + ">");
      }
      default -> {
        return new Position.Unsafe("a placeholder inside a tag must be a whole attribute value");
      }
    }
  }

  private Position attributeValue(boolean unquoted) {
    String name = attributeName.toString();
    int before = valueLength;
    valueLength++;
    // Entities are decoded before an event handler or style runs, so escaping cannot help there.
    if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc")) {
      return new Position.Unsafe("a placeholder in the " + name + " attribute");
    }
    if (URL_ATTRIBUTES.contains(name)) {
      return new Position.Safe(
          before == 0 ? Segment.Slot.HTML_URL : Segment.Slot.HTML_URL_PART, unquoted);
    }
    return new Position.Safe(Segment.Slot.HTML_ATTRIBUTE, unquoted);
  }

  private void step(char c) {
    switch (state) {
      case DATA -> {
        if (c == '<') {
          state = State.TAG_OPEN;
        }
      }
      case TAG_OPEN -> {
        if (c == '!') {
          state = State.MARKUP_DECLARATION;
          markup.setLength(0);
        } else if (c == '/') {
          state = State.END_TAG;
        } else if (isAsciiLetter(c)) {
          state = State.TAG_NAME;
          tagName.setLength(0);
          tagName.append(Character.toLowerCase(c));
        } else {
          state = State.DATA;
          step(c);
        }
      }
      case TAG_NAME -> {
        if (isSpace(c) || c == '/') {
          state = State.BEFORE_ATTRIBUTE_NAME;
        } else if (c == '>') {
          endOfStartTag();
        } else {
          tagName.append(Character.toLowerCase(c));
        }
      }
      case END_TAG -> {
        if (c == '>') {
          state = State.DATA;
        }
      }
      case BEFORE_ATTRIBUTE_NAME -> beforeAttributeName(c);
      case ATTRIBUTE_NAME -> {
        if (isSpace(c)) {
          state = State.AFTER_ATTRIBUTE_NAME;
        } else if (c == '=') {
          state = State.BEFORE_ATTRIBUTE_VALUE;
        } else if (c == '>') {
          endOfStartTag();
        } else if (c == '/') {
          state = State.BEFORE_ATTRIBUTE_NAME;
        } else {
          attributeName.append(Character.toLowerCase(c));
        }
      }
      case AFTER_ATTRIBUTE_NAME -> {
        if (c == '=') {
          state = State.BEFORE_ATTRIBUTE_VALUE;
        } else if (!isSpace(c)) {
          beforeAttributeName(c);
        }
      }
      case BEFORE_ATTRIBUTE_VALUE -> {
        valueLength = 0;
        if (c == '"') {
          state = State.VALUE_DOUBLE_QUOTED;
        } else if (c == '\'') {
          state = State.VALUE_SINGLE_QUOTED;
        } else if (c == '>') {
          endOfStartTag();
        } else if (!isSpace(c)) {
          state = State.VALUE_UNQUOTED;
          valueLength = 1;
        }
      }
      case VALUE_DOUBLE_QUOTED -> quotedValue(c, '"');
      case VALUE_SINGLE_QUOTED -> quotedValue(c, '\'');
      case VALUE_UNQUOTED -> {
        if (isSpace(c)) {
          state = State.BEFORE_ATTRIBUTE_NAME;
        } else if (c == '>') {
          endOfStartTag();
        } else {
          valueLength++;
        }
      }
      case MARKUP_DECLARATION -> {
        if (c == '>') {
          state = State.DATA;
        } else {
          markup.append(c);
          if (markup.length() == 2 && markup.toString().equals("--")) {
            state = State.COMMENT;
            dashes = 0;
          }
        }
      }
      case COMMENT -> {
        if (c == '>' && dashes >= 2) {
          state = State.DATA;
        }
        dashes = c == '-' ? dashes + 1 : 0;
      }
      case RAW_TEXT -> rawText(c);
    }
  }

  private void beforeAttributeName(char c) {
    if (c == '>') {
      endOfStartTag();
    } else if (!isSpace(c) && c != '/') {
      state = State.ATTRIBUTE_NAME;
      attributeName.setLength(0);
      attributeName.append(Character.toLowerCase(c));
    } else {
      state = State.BEFORE_ATTRIBUTE_NAME;
    }
  }

  private void quotedValue(char c, char quote) {
    if (c == quote) {
      state = State.BEFORE_ATTRIBUTE_NAME;
    } else {
      valueLength++;
    }
  }

  private void endOfStartTag() {
    String name = tagName.toString();
    if (RAW_TEXT_ELEMENTS.contains(name)) {
      state = State.RAW_TEXT;
      rawTextEnd = "</" + name;
      rawTextMatched = 0;
    } else {
      state = State.DATA;
    }
  }

  private void rawText(char c) {
    if (Character.toLowerCase(c) == rawTextEnd.charAt(rawTextMatched)) {
      rawTextMatched++;
      if (rawTextMatched == rawTextEnd.length()) {
        state = State.END_TAG;
      }
    } else {
      rawTextMatched = c == '<' ? 1 : 0;
    }
  }

  private static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
