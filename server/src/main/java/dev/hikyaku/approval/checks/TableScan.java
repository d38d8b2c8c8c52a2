package dev.hikyaku.approval.checks;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import java.util.regex.Pattern;

/**
 * Personal data in a table (a CSV file, a spreadsheet sheet), fed row by row: per column, how many
 * rows hold each kind, and the column's header when there is one.
 *
 * <p>A 12-digit run passes the My Number check digit one time in eleven, so a column of order
 * numbers would hold "My Numbers" by chance. Unseparated 12-digit values therefore count only in a
 * column where at least half of the 12-digit values pass, or whose header names My Numbers.
 */
final class TableScan {

  private static final Set<DataKind> ALL = EnumSet.allOf(DataKind.class);
  private static final Pattern TWELVE_DIGITS = Pattern.compile("[0-9]{12}");
  private static final Pattern MY_NUMBER_HEADER =
      Pattern.compile("個人番号|マイナンバー|my ?number|kojin ?bango", Pattern.CASE_INSENSITIVE);
  private static final int MAX_HEADER = 40;
  // Enough for any sensible threshold; a column of a million My Numbers needs no more to block.
  private static final int MAX_KEPT = 10_000;

  private final String prefix;
  private final IntFunction<String> columnName;
  private final Tally tally;
  private final Map<Integer, Column> columns = new TreeMap<>();
  private boolean headerDecided;
  private Cell singleCellHeader;

  /** A cell: its column (0 for the first) and its text. */
  record Cell(int column, String text) {}

  private static final class Column {
    String header = "";
    final Map<DataKind, Integer> rows = new EnumMap<>(DataKind.class);
    final Set<String> ungroupedMyNumbers = new HashSet<>();
    int ungroupedMyNumberRows;
    int twelveDigitCells;
    int validTwelveDigitCells;
  }

  /**
   * @param prefix what the locations start with: {@code "attachment customers.csv, "}
   * @param columnName the name of a column by index: {@code "column 3"}, {@code "column C"}
   */
  TableScan(String prefix, IntFunction<String> columnName, Tally tally) {
    this.prefix = prefix;
    this.columnName = columnName;
    this.tally = tally;
  }

  /**
   * Scans one row. The header is the first row with two or more cells (a title row above it is
   * common in Japanese spreadsheets), unless personal data in it shows it is data; in a table of
   * one column, the first row without personal data.
   */
  void row(List<Cell> cells) {
    List<Cell> filled = cells.stream().filter(c -> !c.text().isBlank()).toList();
    if (filled.isEmpty()) {
      return;
    }
    if (!headerDecided && isHeader(filled)) {
      if (filled.size() >= 2) {
        headerDecided = true;
        for (Cell cell : filled) {
          column(cell.column()).header = headerName(cell.text());
        }
        return;
      }
      if (singleCellHeader == null) {
        singleCellHeader = filled.get(0);
      }
    } else if (filled.size() >= 2) {
      headerDecided = true;
    }
    for (Cell cell : filled) {
      scanCell(column(cell.column()), TextNormalizer.normalize(cell.text()));
    }
  }

  /** Hands the columns' counts to the tally. */
  void finish() {
    if (!headerDecided && singleCellHeader != null) {
      Column column = column(singleCellHeader.column());
      if (column.header.isEmpty()) {
        column.header = headerName(singleCellHeader.text());
      }
    }
    columns.forEach((index, column) -> {
      String location = prefix + columnName.apply(index) + header(column);
      boolean myNumbers =
          MY_NUMBER_HEADER.matcher(column.header).find()
              || 2 * column.validTwelveDigitCells >= column.twelveDigitCells;
      if (myNumbers) {
        column.ungroupedMyNumbers.forEach(v -> tally.value(DataKind.MY_NUMBER, v));
        column.rows.merge(DataKind.MY_NUMBER, column.ungroupedMyNumberRows, Integer::sum);
      }
      column.rows.forEach((kind, rows) -> {
        if (rows > 0) {
          tally.place(kind, location, rows);
        }
      });
    });
  }

  private void scanCell(Column column, String text) {
    String stripped = text.strip();
    if (TWELVE_DIGITS.matcher(stripped).matches()) {
      column.twelveDigitCells++;
      if (MyNumber.isValid(stripped)) {
        column.validTwelveDigitCells++;
      }
    }
    Set<DataKind> kindsHere = EnumSet.noneOf(DataKind.class);
    boolean ungroupedMyNumber = false;
    for (PersonalData.Hit hit : PersonalData.find(text, ALL)) {
      if (hit.kind() == DataKind.MY_NUMBER && !hit.grouped()) {
        // Decided in finish(), once the column's share of valid 12-digit values is known.
        if (column.ungroupedMyNumbers.size() < MAX_KEPT) {
          column.ungroupedMyNumbers.add(hit.value());
        }
        ungroupedMyNumber = true;
        continue;
      }
      tally.value(hit.kind(), hit.value());
      kindsHere.add(hit.kind());
    }
    if (ungroupedMyNumber && !kindsHere.contains(DataKind.MY_NUMBER)) {
      column.ungroupedMyNumberRows++;
    }
    for (DataKind kind : kindsHere) {
      column.rows.merge(kind, 1, Integer::sum);
    }
  }

  private static boolean isHeader(List<Cell> cells) {
    for (Cell cell : cells) {
      String text = TextNormalizer.normalize(cell.text());
      if (!PersonalData.find(text, ALL).isEmpty()
          || TWELVE_DIGITS.matcher(text.strip()).matches()) {
        return false;
      }
    }
    return true;
  }

  private Column column(int index) {
    return columns.computeIfAbsent(index, i -> new Column());
  }

  private static String header(Column column) {
    return column.header.isEmpty() ? "" : " (" + column.header + ")";
  }

  private static String headerName(String text) {
    String name = Locations.visible(text.strip().replaceAll("\\s+", " "));
    return name.length() > MAX_HEADER ? name.substring(0, MAX_HEADER) + "…" : name;
  }

  /** The spreadsheet name of column {@code index}: A, B, ..., Z, AA, ... */
  static String letters(int index) {
    StringBuilder name = new StringBuilder();
    for (int n = index + 1; n > 0; n = (n - 1) / 26) {
      name.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return name.toString();
  }
}
