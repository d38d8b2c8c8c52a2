package dev.hikyaku.approval.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads delimited text (CSV, TSV, semicolon-separated) as RFC 4180 records, tolerant of what real
 * files do: quoted fields with line breaks and doubled quotes, an unterminated quote (the rest of
 * the file is then one field), CRLF, LF or CR line ends.
 */
final class TabularText {

  private static final char[] DELIMITERS = {',', '\t', ';'};
  private static final int SAMPLE_RECORDS = 50;

  private final String text;
  private final char delimiter;
  private int pos;

  private TabularText(String text, char delimiter) {
    this.text = text;
    this.delimiter = delimiter;
  }

  /**
   * The delimiter that splits the first records into the same number (at least two) of fields most
   * often, or 0 when the text is not a table: at least two of three records must agree.
   */
  static char delimiterOf(String text) {
    char best = 0;
    int bestAgreeing = 0;
    for (char delimiter : DELIMITERS) {
      TabularText reader = new TabularText(text, delimiter);
      Map<Integer, Integer> widths = new HashMap<>();
      int records = 0;
      List<String> record;
      while (records < SAMPLE_RECORDS && (record = reader.next()) != null) {
        if (record.size() == 1 && record.get(0).isBlank()) {
          continue;
        }
        records++;
        widths.merge(record.size(), 1, Integer::sum);
      }
      int agreeing = 0;
      for (var width : widths.entrySet()) {
        if (width.getKey() >= 2) {
          agreeing = Math.max(agreeing, width.getValue());
        }
      }
      if (records > 0 && agreeing * 3 >= records * 2 && agreeing > bestAgreeing) {
        best = delimiter;
        bestAgreeing = agreeing;
      }
    }
    return best;
  }

  /** Feeds every record of {@code text}, split at {@code delimiter}, to {@code table}. */
  static void scan(String text, char delimiter, TableScan table) {
    TabularText reader = new TabularText(text, delimiter);
    List<String> record;
    while ((record = reader.next()) != null) {
      List<TableScan.Cell> cells = new ArrayList<>(record.size());
      for (int i = 0; i < record.size(); i++) {
        cells.add(new TableScan.Cell(i, record.get(i)));
      }
      table.row(cells);
    }
  }

  /** The next record, or null at the end. */
  private List<String> next() {
    if (pos >= text.length()) {
      return null;
    }
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean fieldStart = true;
    while (pos < text.length()) {
      char c = text.charAt(pos++);
      if (quoted) {
        if (c == '"') {
          if (pos < text.length() && text.charAt(pos) == '"') {
            field.append('"');
            pos++;
          } else {
            quoted = false;
          }
        } else {
          field.append(c);
        }
      } else if (c == '"' && fieldStart) {
        quoted = true;
        fieldStart = false;
      } else if (c == delimiter) {
        fields.add(field.toString());
        field.setLength(0);
        fieldStart = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
          pos++;
        }
        break;
      } else {
        field.append(c);
        fieldStart = false;
      }
    }
    fields.add(field.toString());
    return fields;
  }
}
