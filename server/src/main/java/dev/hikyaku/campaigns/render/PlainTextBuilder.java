package dev.hikyaku.campaigns.render;

import dev.hikyaku.shared.HtmlEntities;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Lays out the tokens of an HTML document as plain text for {@link HtmlToText}: block elements end
 * lines or paragraphs, lists get markers and hanging indents, quotes get {@code "> "}.
 */
final class PlainTextBuilder implements HtmlTokenizer.Handler {

  private static final Set<String> PARAGRAPHS =
      Set.of(
          "p",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "table",
          "address",
          "figure",
          "form",
          "fieldset",
          "details",
          "center",
          "dl");
  private static final Set<String> LINES =
      Set.of(
          "div",
          "tr",
          "td",
          "th",
          "dt",
          "dd",
          "section",
          "article",
          "header",
          "footer",
          "nav",
          "aside",
          "main",
          "figcaption",
          "summary",
          "caption",
          "tbody",
          "thead",
          "tfoot");
  private static final Set<String> DROPPED = Set.of("head", "title", "template", "script", "style");

  private final int width;
  private final List<String> lines = new ArrayList<>();
  private final StringBuilder current = new StringBuilder();
  private final Indentation indentation = new Indentation();
  private boolean pendingSpace;
  private boolean pendingSpaceHasNewline;
  private boolean blankWanted;
  private int preDepth;
  private int droppedDepth;
  private String linkHref;
  private int linkStart;

  PlainTextBuilder(int width) {
    this.width = width;
  }

  /** The lines built so far, joined by LF, without blank lines at either end. */
  String text() {
    flush();
    int start = 0;
    int end = lines.size();
    while (start < end && lines.get(start).isBlank()) {
      start++;
    }
    while (end > start && lines.get(end - 1).isBlank()) {
      end--;
    }
    return String.join("\n", lines.subList(start, end));
  }

  @Override
  public void text(String raw) {
    if (droppedDepth > 0) {
      return;
    }
    String text = HtmlEntities.decode(raw);
    if (preDepth > 0) {
      preformatted(text);
    } else {
      inline(text);
    }
  }

  /** Appends decoded text, collapsing whitespace. */
  private void inline(String text) {
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == 0xA0) {
        pendingSpace = true;
        pendingSpaceHasNewline |= cp == '\n' || cp == '\r';
        continue;
      }
      if (pendingSpace && !current.isEmpty()) {
        // A line break in the source between two Japanese characters is not a space in the
        // reading (CSS Text 3 §4.1.3, segment break transformation).
        int last = current.codePointBefore(current.length());
        boolean cjkJoin =
            pendingSpaceHasNewline && TextWrapper.isWide(last) && TextWrapper.isWide(cp);
        if (!cjkJoin) {
          current.append(' ');
        }
      }
      pendingSpace = false;
      pendingSpaceHasNewline = false;
      current.appendCodePoint(cp);
    }
  }

  @Override
  public void startTag(String name, Map<String, String> attributes) {
    if (DROPPED.contains(name)) {
      droppedDepth += name.equals("script") || name.equals("style") ? 0 : 1;
      return;
    }
    if (name.equals("body")) {
      droppedDepth = 0; // browsers close an unclosed <head> here
      return;
    }
    if (droppedDepth > 0) {
      return;
    }
    switch (name) {
      case "br" -> lineBreak();
      case "hr" -> {
        endBlock(true);
        emit("----------");
        blankWanted = true;
      }
      case "ul", "ol" -> {
        endBlock(!indentation.inList());
        indentation.openList(name.equals("ol"));
      }
      case "li" -> {
        endBlock(false);
        indentation.item();
      }
      case "blockquote" -> {
        endBlock(true);
        indentation.openQuote();
      }
      case "pre" -> {
        endBlock(true);
        preDepth++;
      }
      case "a" -> {
        finishLink();
        linkHref = HtmlEntities.decode(attributes.getOrDefault("href", "")).strip();
        linkStart = current.length();
      }
      case "img" -> {
        String alt = HtmlEntities.decode(attributes.getOrDefault("alt", "")).strip();
        if (!alt.isEmpty()) {
          inline(alt);
        }
      }
      default -> block(name);
    }
  }

  @Override
  public void endTag(String name) {
    if (DROPPED.contains(name)) {
      boolean raw = name.equals("script") || name.equals("style");
      droppedDepth = Math.max(0, droppedDepth - (raw ? 0 : 1));
      return;
    }
    if (droppedDepth > 0) {
      return;
    }
    switch (name) {
      case "ul", "ol" -> {
        endBlock(false);
        indentation.closeList();
        blankWanted |= !indentation.inList();
      }
      case "li" -> endBlock(false);
      case "blockquote" -> {
        endBlock(true);
        indentation.closeQuote();
      }
      case "pre" -> {
        flushPreformatted();
        preDepth = Math.max(0, preDepth - 1);
        blankWanted = true;
      }
      case "a" -> finishLink();
      default -> block(name);
    }
  }

  private void block(String name) {
    if (PARAGRAPHS.contains(name)) {
      endBlock(true);
    } else if (LINES.contains(name)) {
      endBlock(false);
    }
  }

  /** Appends {@code " (url)"} after a link's text unless the text already is the URL. */
  private void finishLink() {
    if (linkHref == null) {
      return;
    }
    String href = linkHref;
    linkHref = null;
    if (href.isEmpty() || href.startsWith("#") || SafeUrls.cleanOrNull(href) == null) {
      return;
    }
    String label = linkStart <= current.length() ? current.substring(linkStart).strip() : "";
    String shown = href.startsWith("mailto:") ? href.substring("mailto:".length()) : href;
    if (label.equals(href) || label.equals(shown) || href.endsWith("//" + label)) {
      return;
    }
    if (label.isEmpty()) {
      inline(shown);
    } else {
      current.append(" (").append(shown).append(')');
    }
  }

  private void lineBreak() {
    if (preDepth > 0) {
      current.append('\n');
    } else if (!current.isEmpty()) {
      flush();
    } else if (!lines.isEmpty()) {
      emit("");
    }
  }

  private void endBlock(boolean paragraph) {
    if (preDepth > 0) {
      return;
    }
    flush();
    blankWanted |= paragraph;
  }

  private void flush() {
    String text = stripSpaces(current);
    current.setLength(0);
    pendingSpace = false;
    pendingSpaceHasNewline = false;
    if (text.isEmpty()) {
      return;
    }
    if (linkHref != null) {
      linkStart = 0;
    }
    String first = indentation.prefix(true);
    String rest = indentation.prefix(false);
    for (String line : TextWrapper.wrap(text, width, first, rest)) {
      emit(line);
    }
  }

  private void emit(String line) {
    if (blankWanted && !lines.isEmpty() && !lines.getLast().isEmpty()) {
      lines.add(indentation.quote().stripTrailing());
    }
    blankWanted = false;
    lines.add(line);
  }

  private void preformatted(String text) {
    current.append(text.replace("\r\n", "\n").replace('\r', '\n'));
  }

  private void flushPreformatted() {
    String text = current.toString();
    current.setLength(0);
    if (text.startsWith("\n")) {
      text = text.substring(1); // HTML §13.2.6.4.7: a newline right after <pre> is dropped
    }
    for (String line : text.stripTrailing().split("\n", -1)) {
      emit(indentation.quote() + line.stripTrailing());
    }
  }

  /** Strips ASCII spaces only: an ideographic space (U+3000) opening a paragraph is content. */
  private static String stripSpaces(CharSequence text) {
    int start = 0;
    int end = text.length();
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    while (end > start && text.charAt(end - 1) == ' ') {
      end--;
    }
    return text.subSequence(start, end).toString();
  }
}
