package dev.hikyaku.campaigns.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A personalisation template, parsed once and rendered once per recipient. Immutable and
 * thread-safe.
 *
 * <p>Syntax: {@code {{field}}} inserts a field's value and {@code {{field|default text}}} inserts
 * the default when the value is absent or blank; whitespace inside the braces around the name and
 * the default is ignored. A field name has letters or digits of any script (so {@code {{氏名}}}
 * works), {@code _}, {@code .} and {@code -}, at most 64 of them. A placeholder ends at the first
 * <code>&#125;&#125;</code> and must close on the line where it opens. To write two literal opening
 * braces, write four: <code>&#123;&#123;&#123;&#123;</code> renders as <code>&#123;&#123;</code>;
 * closing braces outside a placeholder are literal.
 *
 * <p>Values, and defaults, are escaped for the template's {@link RenderContext}.
 */
public final class Template {

  private final String source;
  private final RenderContext context;
  private final Segment[] segments;
  private final List<String> fields;
  private final int literalLength;

  Template(String source, RenderContext context, List<Segment> segments, List<String> fields) {
    this.source = source;
    this.context = context;
    this.segments = segments.toArray(Segment[]::new);
    this.fields = fields;
    int length = 0;
    for (Segment segment : this.segments) {
      if (segment instanceof Segment.Literal literal) {
        length += literal.text().length();
      }
    }
    this.literalLength = length;
  }

  /**
   * Parses {@code source} for output in {@code context}; the result lists every problem with its
   * line and column, or holds the template.
   */
  public static TemplateParse parse(String source, RenderContext context) {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(context, "context");
    return TemplateParser.parse(source, context);
  }

  /** The fields the template uses, in order of first use, each once. */
  public List<String> fields() {
    return fields;
  }

  /** The context the template was parsed for. */
  public RenderContext context() {
    return context;
  }

  /** The source the template was parsed from. */
  public String source() {
    return source;
  }

  /**
   * Renders the template with one recipient's field values. A field that is absent, null or blank
   * takes the placeholder's default; without a default it renders as empty and is listed in {@link
   * RenderResult#missingFields()}.
   */
  public RenderResult render(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    StringBuilder out = new StringBuilder(literalLength + 16 * fields.size());
    List<String> missing = null;
    List<String> blocked = null;
    for (Segment segment : segments) {
      switch (segment) {
        case Segment.Literal literal -> out.append(literal.text());
        case Segment.Placeholder placeholder -> {
          String value = values.get(placeholder.field());
          if (value == null || value.isBlank()) {
            value = placeholder.defaultText();
            if (value == null) {
              missing = addOnce(missing, placeholder.field());
              value = "";
            }
          }
          if (!append(out, placeholder, value)) {
            blocked = addOnce(blocked, placeholder.field());
          }
        }
      }
    }
    return new RenderResult(
        out.toString(),
        missing == null ? List.of() : missing,
        blocked == null ? List.of() : blocked);
  }

  /** Appends the escaped value; false if the value was refused as a URL and left out. */
  private static boolean append(StringBuilder out, Segment.Placeholder placeholder, String value) {
    switch (placeholder.slot()) {
      case PLAIN -> out.append(value);
      case HEADER -> out.append(HeaderText.flatten(value));
      case HTML_TEXT -> HtmlEscaping.appendText(out, value);
      case HTML_ATTRIBUTE -> HtmlEscaping.appendAttribute(out, value, placeholder.unquoted());
      case HTML_URL_PART -> HtmlEscaping.appendUrlComponent(out, value);
      case HTML_URL -> {
        String url = SafeUrls.cleanOrNull(value);
        if (url == null) {
          return false;
        }
        HtmlEscaping.appendAttribute(out, url, placeholder.unquoted());
      }
    }
    return true;
  }

  private static List<String> addOnce(List<String> list, String field) {
    List<String> result = list == null ? new ArrayList<>(2) : list;
    if (!result.contains(field)) {
      result.add(field);
    }
    return result;
  }

  @Override
  public String toString() {
    return "Template[" + context + ", fields=" + fields + "]";
  }
}
