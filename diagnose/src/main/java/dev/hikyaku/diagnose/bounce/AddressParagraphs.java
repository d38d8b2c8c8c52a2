package dev.hikyaku.diagnose.bounce;

import java.util.ArrayList;
import java.util.List;

/**
 * Paragraphs that start with {@code <address>:}, as qmail, Yahoo and Postfix write one per failed
 * recipient: the rest of that line and the following non-blank lines are the diagnostic.
 */
final class AddressParagraphs {

  /** One recipient's paragraph. */
  record Paragraph(String address, String text) {}

  private AddressParagraphs() {}

  /**
   * The paragraphs from line {@code from} up to the first line starting with {@code ---} (the
   * marker before a returned copy), at most {@code max}.
   */
  static List<Paragraph> read(List<String> lines, int from, int max) {
    List<Paragraph> out = new ArrayList<>();
    String address = null;
    StringBuilder text = new StringBuilder();
    for (int i = Math.max(0, from); i < lines.size() && out.size() < max; i++) {
      String line = lines.get(i);
      if (line.startsWith("---")) {
        break;
      }
      String stripped = line.strip();
      int close = stripped.indexOf('>');
      // Only an unindented line starts a paragraph: Postfix repeats the address, indented, in
      // the wrapped remote reply.
      boolean start =
          line.startsWith("<")
              && close > 1
              && stripped.substring(0, close).contains("@")
              && (close == stripped.length() - 1 || stripped.charAt(close + 1) == ':');
      if (start) {
        if (address != null) {
          out.add(new Paragraph(address, text.toString().strip()));
        }
        address = stripped.substring(1, close);
        text.setLength(0);
        text.append(stripped.substring(Math.min(stripped.length(), close + 2)));
      } else if (stripped.isEmpty()) {
        if (address != null) {
          out.add(new Paragraph(address, text.toString().strip()));
          address = null;
          text.setLength(0);
        }
      } else if (address != null && text.length() < DiagnosticCode.MAX_TEXT * 2) {
        text.append(' ').append(stripped);
      }
    }
    if (address != null && out.size() < max) {
      out.add(new Paragraph(address, text.toString().strip()));
    }
    return out;
  }
}
