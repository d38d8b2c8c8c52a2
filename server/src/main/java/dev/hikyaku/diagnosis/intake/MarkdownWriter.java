package dev.hikyaku.diagnosis.intake;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The Markdown of one report as it is written: lines, headings, tables whose cells cannot break the
 * table, code fences that the text cannot close, and labels in the report's language.
 */
final class MarkdownWriter {

  private final ReportViews views;
  private final Locale locale;
  private final StringBuilder out = new StringBuilder();

  MarkdownWriter(ReportViews views, Locale locale) {
    this.views = views;
    this.locale = locale;
  }

  <T> void table(List<String> headings, List<T> rows, Function<T, List<String>> cells) {
    line("| " + String.join(" | ", headings.stream().map(this::label).toList()) + " |");
    line("|" + "---|".repeat(headings.size()));
    for (T row : rows) {
      line(
          "| "
              + String.join(" | ", cells.apply(row).stream().map(MarkdownWriter::cell).toList())
              + " |");
    }
    line("");
  }

  String label(String key, Object... args) {
    return views.text(locale, key, args);
  }

  void section(String title) {
    line("");
    line("## " + title);
    line("");
  }

  void subsection(String title) {
    line("");
    line("### " + title);
    line("");
  }

  void line(String text) {
    out.append(text).append('\n');
  }

  /** Text on one line: line breaks become spaces. */
  static String inline(String text) {
    return text.replace("\r", "").replace('\n', ' ');
  }

  /** A table cell: one line, pipes escaped. */
  static String cell(String text) {
    return inline(text).replace("\\", "\\\\").replace("|", "\\|");
  }

  /** A code fence longer than any run of backticks in {@code text}. */
  static String fence(String text) {
    int longest = 0;
    int run = 0;
    for (char c : text.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    return "`".repeat(Math.max(3, longest + 1));
  }

  /** Text as it is, such as a code block's content. */
  void raw(String text) {
    out.append(text);
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
