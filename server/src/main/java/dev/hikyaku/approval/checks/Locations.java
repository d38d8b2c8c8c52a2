package dev.hikyaku.approval.checks;

import java.util.List;

/** Builds the language-neutral {@link Finding#location()} strings. */
final class Locations {

  /** How many line numbers a location lists before it ends in "…". */
  static final int MAX_LISTED = 5;

  private static final int MAX_NAME = 200;

  private Locations() {}

  /** {@code attachment <path>}, with invisible characters shown. */
  static String attachment(String path) {
    return "attachment " + visible(path);
  }

  /**
   * {@code name} with control and format characters (bidi overrides such as U+202E, zero-width
   * spaces) written as {@code <U+202E>}, so a location shows what a name really is; cut at 200
   * characters.
   */
  static String visible(String name) {
    StringBuilder out = new StringBuilder();
    name.codePoints()
        .forEach(cp -> {
          if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
            out.append(String.format("<U+%04X>", cp));
          } else {
            out.appendCodePoint(cp);
          }
        });
    if (out.length() > MAX_NAME) {
      return out.substring(0, MAX_NAME) + "…";
    }
    return out.toString();
  }

  /**
   * {@code <prefix>line 3} or {@code <prefix>lines 3, 7, 12, …}: the first {@value #MAX_LISTED}
   * numbers of {@code numbers}, {@code total} of them in all.
   */
  static String units(String prefix, Unit unit, List<Integer> numbers, int total) {
    StringBuilder out = new StringBuilder(prefix);
    out.append(total == 1 ? unit.singular : unit.plural).append(' ');
    for (int i = 0; i < numbers.size() && i < MAX_LISTED; i++) {
      out.append(i == 0 ? "" : ", ").append(numbers.get(i));
    }
    if (total > MAX_LISTED) {
      out.append(", …");
    }
    return out.toString();
  }

  /** What a text is divided into: lines of a text file, paragraphs of a document, slides. */
  enum Unit {
    LINE("line", "lines"),
    PARAGRAPH("paragraph", "paragraphs"),
    SLIDE("slide", "slides");

    private final String singular;
    private final String plural;

    Unit(String singular, String plural) {
      this.singular = singular;
      this.plural = plural;
    }
  }
}
