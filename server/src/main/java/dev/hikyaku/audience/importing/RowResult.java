package dev.hikyaku.audience.importing;

import java.util.Objects;

/** What became of one row of the file. */
public sealed interface RowResult {

  /** The physical line where the row starts. */
  long line();

  /** A row the import keeps, as is or with warnings. */
  static RowResult accepted(ImportRow row) {
    return row.warnings().isEmpty() ? new Accepted(row) : new AcceptedWithWarnings(row);
  }

  /** A row imported without remark. */
  record Accepted(ImportRow row) implements RowResult {

    public Accepted {
      if (!row.warnings().isEmpty()) {
        throw new IllegalArgumentException("a row with warnings is AcceptedWithWarnings");
      }
    }

    @Override
    public long line() {
      return row.line();
    }
  }

  /** A row imported, with something the user should see. */
  record AcceptedWithWarnings(ImportRow row) implements RowResult {

    public AcceptedWithWarnings {
      if (row.warnings().isEmpty()) {
        throw new IllegalArgumentException("a row without warnings is Accepted");
      }
    }

    @Override
    public long line() {
      return row.line();
    }
  }

  /**
   * A row not imported.
   *
   * @param line the physical line where the row starts
   * @param rejection why
   * @param excerpt the start of the row's raw text, control characters as spaces, cut with an
   *     ellipsis
   */
  record Rejected(long line, Rejection rejection, String excerpt) implements RowResult {

    public Rejected {
      if (line < 1) {
        throw new IllegalArgumentException("lines are counted from 1");
      }
      Objects.requireNonNull(rejection, "rejection");
      Objects.requireNonNull(excerpt, "excerpt");
    }
  }
}
