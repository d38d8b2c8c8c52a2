package dev.hikyaku.approval.checks;

import dev.hikyaku.shared.HtmlEntities;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an HTML body shows: its visible text line by line, aligned with the source lines (so a
 * finding says {@code html line 40} of what the author wrote), and its links with their text.
 * Comments, scripts and styles are not visible; inline tags join the text around them, so {@code
 * <b>taro</b>@example.jp} is still an address.
 */
final class HtmlText {

  private static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "big", "cite", "code", "em", "font", "i", "kbd", "mark",
          "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt", "u",
          "var", "wbr");
  private static final Pattern TAG_NAME = Pattern.compile("</?([A-Za-z][A-Za-z0-9]*)");
  private static final Pattern HREF =
      Pattern.compile(
          "\\shref\\s*=\\s*(?:\"([^\"]*)\"|'([^']*)'|([^\\s>]+))", Pattern.CASE_INSENSITIVE);

  /** A link: the source line of its {@code <a>}, its decoded href and its decoded text. */
  record Link(int line, String href, String text) {}

  private final List<String> lines;
  private final List<Link> links;

  private HtmlText(List<String> lines, List<Link> links) {
    this.lines = lines;
    this.links = links;
  }

  /** The visible text of each source line, entities decoded; index 0 is line 1. */
  List<String> lines() {
    return lines;
  }

  List<Link> links() {
    return links;
  }

  static HtmlText parse(String html) {
    StringBuilder visible = new StringBuilder(html.length());
    List<Link> links = new ArrayList<>();
    StringBuilder linkText = null;
    String linkHref = null;
    int linkLine = 0;
    int line = 1;
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      if (c != '<' || i + 1 >= html.length() || !startsMarkup(html.charAt(i + 1))) {
        visible.append(c);
        if (c == '\n') {
          line++;
        } else if (linkText != null) {
          linkText.append(c);
        }
        i++;
        continue;
      }
      int end = markupEnd(html, i);
      String markup = html.substring(i, end);
      line += newlines(visible, markup);
      Matcher name = TAG_NAME.matcher(markup);
      String tag = name.lookingAt() ? name.group(1).toLowerCase(Locale.ROOT) : "";
      boolean closing = markup.startsWith("</");
      if (!closing && (tag.equals("script") || tag.equals("style"))) {
        int close = indexOfIgnoreCase(html, "</" + tag, end);
        int skipTo = close < 0 ? html.length() : close;
        line += newlines(visible, html.substring(end, skipTo));
        i = skipTo;
        continue;
      }
      if (tag.equals("a") && !closing) {
        linkText = new StringBuilder();
        linkHref = href(markup);
        linkLine = line;
      } else if (tag.equals("a") && linkText != null) {
        if (linkHref != null) {
          links.add(
              new Link(
                  linkLine,
                  HtmlEntities.decode(linkHref),
                  HtmlEntities.decode(linkText.toString())));
        }
        linkText = null;
      }
      if (!INLINE.contains(tag)) {
        visible.append(' ');
        if (linkText != null) {
          linkText.append(' ');
        }
      }
      i = end;
    }
    List<String> lines = new ArrayList<>();
    for (String l : visible.toString().split("\n", -1)) {
      lines.add(HtmlEntities.decode(l).replace('\u00A0', ' '));
    }
    return new HtmlText(List.copyOf(lines), List.copyOf(links));
  }

  private static int indexOfIgnoreCase(String text, String needle, int from) {
    for (int i = from; i + needle.length() <= text.length(); i++) {
      if (text.regionMatches(true, i, needle, 0, needle.length())) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsMarkup(char next) {
    return Character.isLetter(next) || next == '/' || next == '!' || next == '?';
  }

  /** The index after the markup starting at {@code start}: a comment, or a tag with quotes. */
  private static int markupEnd(String html, int start) {
    if (html.startsWith("<!--", start)) {
      int close = html.indexOf("-->", start + 4);
      return close < 0 ? html.length() : close + 3;
    }
    char quote = 0;
    for (int i = start + 1; i < html.length(); i++) {
      char c = html.charAt(i);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      }
    }
    return html.length();
  }

  /** Keeps the line breaks of hidden markup in {@code visible}; returns how many there were. */
  private static int newlines(StringBuilder visible, String hidden) {
    int n = 0;
    for (int i = 0; i < hidden.length(); i++) {
      if (hidden.charAt(i) == '\n') {
        visible.append('\n');
        n++;
      }
    }
    return n;
  }

  private static String href(String tag) {
    Matcher m = HREF.matcher(tag);
    if (!m.find()) {
      return null;
    }
    return m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
  }
}
