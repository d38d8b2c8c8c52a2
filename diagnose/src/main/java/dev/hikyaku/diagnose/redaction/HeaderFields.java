package dev.hikyaku.diagnose.redaction;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Splits a header block into fields without unfolding it, so edits keep every line break. A line
 * starting with a space or tab continues the field above (RFC 5322 §2.2.3); a line without a colon,
 * and everything after the first empty line, becomes a field with an empty name.
 */
final class HeaderFields {

  /** One field: its lower-case name and where its value runs, line ending excluded. */
  record Field(String name, int valueStart, int valueEnd) {}

  private HeaderFields() {}

  static List<Field> split(String text) {
    List<Field> fields = new ArrayList<>();
    int n = text.length();
    int pos = 0;
    while (pos < n) {
      int lineEnd = lineEnd(text, pos);
      if (lineEnd == pos) {
        // RFC 5322 §2.1: an empty line ends the header; whatever follows is scanned as one value.
        int bodyStart = nextLine(text, pos);
        if (bodyStart < n) {
          fields.add(new Field("", bodyStart, n));
        }
        break;
      }
      int end = lineEnd;
      int next = nextLine(text, lineEnd);
      while (next < n && (text.charAt(next) == ' ' || text.charAt(next) == '\t')) {
        end = lineEnd(text, next);
        next = nextLine(text, end);
      }
      int colon = nameColon(text, pos, lineEnd);
      if (colon < 0) {
        fields.add(new Field("", pos, end));
      } else {
        String name = text.substring(pos, colon).strip().toLowerCase(Locale.ROOT);
        fields.add(new Field(name, colon + 1, end));
      }
      pos = next;
    }
    return fields;
  }

  /** The colon ending a field name: printable characters without spaces before it, or -1. */
  private static int nameColon(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return i > from ? i : -1;
      }
      if (c <= ' ' || c > '~') {
        // RFC 5322 §3.6.8 allows no space in a name; tolerate it only just before the colon.
        int j = i;
        while (j < to && (text.charAt(j) == ' ' || text.charAt(j) == '\t')) {
          j++;
        }
        return j < to && text.charAt(j) == ':' && i > from ? j : -1;
      }
    }
    return -1;
  }

  private static int lineEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  private static int nextLine(String text, int lineEnd) {
    int i = lineEnd;
    if (i < text.length() && text.charAt(i) == '\r') {
      i++;
    }
    if (i < text.length() && text.charAt(i) == '\n') {
      i++;
    }
    return i;
  }
}
