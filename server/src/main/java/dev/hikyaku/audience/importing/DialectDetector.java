package dev.hikyaku.audience.importing;

import java.util.EnumMap;
import java.util.Map;

/**
 * Tells the delimiter from the header line: the candidate that occurs most often outside quotes.
 */
final class DialectDetector {

  private DialectDetector() {}

  /**
   * The delimiter of {@code text}, the start of the decoded file. Only the first line counts (line
   * breaks inside quotes do not end it); ties and a header with a single column give a comma.
   */
  static Delimiter detect(CharSequence text) {
    Map<Delimiter, Integer> counts = new EnumMap<>(Delimiter.class);
    boolean quoted = false;
    boolean seenContent = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '\r' || c == '\n')) {
        // Blank lines before the header are skipped like everywhere else.
        if (seenContent) {
          break;
        }
        continue;
      } else if (!quoted) {
        for (Delimiter d : Delimiter.values()) {
          if (c == d.character()) {
            counts.merge(d, 1, Integer::sum);
          }
        }
      }
      seenContent = true;
    }
    Delimiter best = Delimiter.COMMA;
    for (Delimiter d : Delimiter.values()) {
      if (counts.getOrDefault(d, 0) > counts.getOrDefault(best, 0)) {
        best = d;
      }
    }
    return best;
  }
}
