package dev.hikyaku.campaigns.render;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Scans a template source once into segments, collecting every problem with its position rather
 * than stopping at the first, so that the console can show them all at once.
 */
final class TemplateParser {

  private static final int MAX_FIELD_NAME = 64;

  private final String source;
  private final RenderContext context;
  private final HtmlSlots html;
  private final List<Segment> segments = new ArrayList<>();
  private final Set<String> fields = new LinkedHashSet<>();
  private final List<TemplateError> errors = new ArrayList<>();
  private final StringBuilder literal = new StringBuilder();
  private int index;
  private int cachedClose = -2;
  private int cachedLineEnd = -1;
  private int line = 1;
  private int column = 1;

  private TemplateParser(String source, RenderContext context) {
    this.source = source;
    this.context = context;
    this.html = context == RenderContext.HTML ? new HtmlSlots() : null;
  }

  static TemplateParse parse(String source, RenderContext context) {
    TemplateParser parser = new TemplateParser(source, context);
    parser.run();
    if (!parser.errors.isEmpty()) {
      return new TemplateParse.Rejected(parser.errors);
    }
    return new TemplateParse.Parsed(
        new Template(source, context, parser.segments, List.copyOf(parser.fields)));
  }

  private void run() {
    int n = source.length();
    while (index < n) {
      char c = source.charAt(index);
      if (source.startsWith("{{{{", index)) {
        // The documented escape: four braces stand for two literal ones.
        literal.append("{{");
        advance(4);
      } else if (source.startsWith("{{", index)) {
        placeholder();
      } else {
        boolean lineBreak =
            c == '\r' || (c == '\n' && (index == 0 || source.charAt(index - 1) != '\r'));
        if (lineBreak && context == RenderContext.HEADER) {
          error(
              line, column, TemplateError.Kind.LINE_BREAK_IN_HEADER, "a header cannot span lines");
        }
        literal.append(c);
        advance(1);
      }
    }
    flushLiteral();
  }

  private void placeholder() {
    int startLine = line;
    int startColumn = column;
    int close = nextClose(index + 2);
    int lineEnd = lineEnd(index + 2);
    if (close < 0 || close > lineEnd) {
      error(
          startLine,
          startColumn,
          TemplateError.Kind.UNCLOSED_PLACEHOLDER,
          "'{{' is not closed by '}}' on the same line (write '{{{{' for literal braces)");
      literal.append("{{");
      advance(2);
      return;
    }
    String inner = source.substring(index + 2, close);
    int bar = inner.indexOf('|');
    String rawName = bar < 0 ? inner : inner.substring(0, bar);
    String name = rawName.strip();
    String defaultText = bar < 0 ? null : inner.substring(bar + 1).strip();
    advance(2);
    int nameLine = line;
    int nameColumn = column + codePoints(rawName, 0, leadingSpace(rawName));
    advance(close + 2 - index);
    String problem = nameProblem(name);
    if (problem != null) {
      error(nameLine, nameColumn, TemplateError.Kind.INVALID_FIELD_NAME, problem);
      return;
    }
    Segment.Slot slot = Segment.Slot.PLAIN;
    boolean unquoted = false;
    if (context == RenderContext.HEADER) {
      slot = Segment.Slot.HEADER;
      defaultText = defaultText == null ? null : HeaderText.flatten(defaultText);
    } else if (context == RenderContext.HTML) {
      flushLiteral();
      switch (html.placeholder()) {
        case HtmlSlots.Position.Safe safe -> {
          slot = safe.slot();
          unquoted = safe.unquoted();
        }
        case HtmlSlots.Position.Unsafe unsafe -> {
          error(
              startLine,
              startColumn,
              TemplateError.Kind.UNSAFE_HTML_POSITION,
              unsafe.reason() + " cannot be escaped safely");
          return;
        }
      }
    }
    flushLiteral();
    fields.add(name);
    segments.add(new Segment.Placeholder(name, defaultText, slot, unquoted));
  }

  /** Null when {@code name} is a valid field name, else the problem in words. */
  private static String nameProblem(String name) {
    if (name.isEmpty()) {
      return "a placeholder needs a field name";
    }
    if (name.codePointCount(0, name.length()) > MAX_FIELD_NAME) {
      return "a field name has at most " + MAX_FIELD_NAME + " characters";
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      // Letters and digits of any script, so that Japanese names such as 氏名 work.
      if (!Character.isLetterOrDigit(cp) && cp != '_' && cp != '.' && cp != '-') {
        return "'"
            + new String(Character.toChars(cp))
            + "' is not allowed in a field name (letters, digits, _ . - only): "
            + name;
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  private void flushLiteral() {
    if (literal.isEmpty()) {
      return;
    }
    String text = literal.toString();
    if (html != null) {
      html.literal(text);
    }
    if (context == RenderContext.HEADER) {
      text = HeaderText.flattenLiteral(text);
    }
    segments.add(new Segment.Literal(text));
    literal.setLength(0);
  }

  /**
   * The next "}}" at or after {@code from}, or -1. Remembered between calls, as is the next line
   * end, so that a source full of unclosed braces is still scanned in linear time.
   */
  private int nextClose(int from) {
    if (cachedClose != -1 && cachedClose < from) {
      cachedClose = source.indexOf("}}", from);
    }
    return cachedClose;
  }

  private int lineEnd(int from) {
    if (cachedLineEnd >= from) {
      return cachedLineEnd;
    }
    int i = from;
    while (i < source.length() && source.charAt(i) != '\n' && source.charAt(i) != '\r') {
      i++;
    }
    cachedLineEnd = i;
    return i;
  }

  private void advance(int count) {
    for (int k = 0; k < count; k++) {
      char c = source.charAt(index);
      if (c == '\n' || (c == '\r' && !source.startsWith("\n", index + 1))) {
        line++;
        column = 1;
      } else if (c != '\r'
          && !(Character.isLowSurrogate(c)
              && index > 0
              && Character.isHighSurrogate(source.charAt(index - 1)))) {
        column++;
      }
      index++;
    }
  }

  private void error(int atLine, int atColumn, TemplateError.Kind kind, String message) {
    errors.add(new TemplateError(atLine, atColumn, kind, message));
  }

  private static int leadingSpace(String s) {
    int i = 0;
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int codePoints(String s, int from, int to) {
    return s.codePointCount(from, to);
  }
}
