package dev.hikyaku.audience.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits decoded text into records by RFC 4180 §2: fields separated by the delimiter, a field in
 * double quotes may hold delimiters, line breaks and doubled quotes ({@code ""}).
 *
 * <p>Like Excel, it is lenient where RFC 4180 is strict but the meaning is plain: a quote inside an
 * unquoted field, or text after a closing quote, is kept as text (and flagged). Memory is bounded:
 * fields beyond the kept width and characters beyond the field limit are read but not stored.
 */
final class CsvTokenizer {

  private final DecodedText text;
  private final char delimiter;
  private final int maxFieldChars;
  private final int rawChars;
  private int keptColumns;

  CsvTokenizer(DecodedText text, Delimiter delimiter, ImportLimits limits) {
    this.text = text;
    this.delimiter = delimiter.character();
    this.maxFieldChars = limits.maxFieldChars();
    // One more than the excerpt, so the excerpt knows it was cut.
    this.rawChars = limits.excerptChars() + 1;
    this.keptColumns = limits.maxColumns();
  }

  /** Keeps at most {@code columns} fields of each following record (the header's width). */
  void keepColumns(int columns) {
    keptColumns = columns;
  }

  /** The next record, blank or not, or null at the end of the file. */
  CsvRecord next() {
    if (text.peek() < 0) {
      return null;
    }
    return new Reading().read();
  }

  /** The state of reading one record. */
  private final class Reading {
    private final long line = text.line();
    private final long undecodableBefore = text.undecodableSeen();
    private final List<String> fields = new ArrayList<>();
    private final StringBuilder field = new StringBuilder();
    private final StringBuilder raw = new StringBuilder();
    private int columns;
    private boolean extraNonBlank;
    private int longField;
    private boolean irregular;
    private boolean unterminated;

    CsvRecord read() {
      boolean quoted = false;
      boolean afterQuote = false;
      boolean fieldStart = true;
      int last = -1;
      while (true) {
        int c = text.next();
        if (c >= 0) {
          last = c;
        }
        if (c < 0) {
          unterminated = quoted;
          break;
        }
        boolean kept = raw.length() < rawChars;
        if (kept) {
          raw.append((char) c);
        }
        if (quoted) {
          if (c != '"') {
            append(c);
          } else if (text.peek() == '"') {
            text.next();
            append('"');
          } else {
            quoted = false;
            afterQuote = true;
          }
        } else if (c == delimiter) {
          endField();
          fieldStart = true;
          afterQuote = false;
        } else if (c == '\r' || c == '\n') {
          if (c == '\r' && text.peek() == '\n') {
            text.next();
          }
          // The line break ends the record; it is not part of its text.
          if (kept) {
            raw.setLength(raw.length() - 1);
          }
          break;
        } else if (c == '"' && fieldStart) {
          quoted = true;
          fieldStart = false;
        } else {
          irregular |= c == '"' || afterQuote;
          afterQuote = false;
          fieldStart = false;
          append(c);
        }
      }
      endField();
      // After a line break, the text is already on the next line.
      long lastLine = last == '\r' || last == '\n' ? text.line() - 1 : text.line();
      return new CsvRecord(
          line,
          Math.max(line, lastLine),
          fields,
          columns,
          extraNonBlank,
          longField,
          unterminated,
          irregular,
          text.undecodableSeen() > undecodableBefore,
          raw.toString());
    }

    private void append(int c) {
      if (field.length() < maxFieldChars) {
        field.append((char) c);
      } else if (longField == 0 && columns < keptColumns) {
        longField = columns + 1;
      }
    }

    private void endField() {
      if (columns < keptColumns) {
        fields.add(field.toString());
      } else if (!field.toString().isBlank()) {
        extraNonBlank = true;
      }
      columns++;
      field.setLength(0);
    }
  }
}
