package dev.hikyaku.audience.importing;

import java.util.List;
import java.util.Objects;

/**
 * What each column of a file holds, as the dry-run report shows it ("column 1 メールアドレス → address"),
 * with notes on headers that were renamed or set aside.
 *
 * @param columns one entry per header column, in file order
 * @param notes what the user should know about the mapping
 */
public record ColumnMapping(List<MappedColumn> columns, List<Note> notes) {

  public ColumnMapping {
    columns = List.copyOf(columns);
    notes = List.copyOf(notes);
    if (columns.stream().filter(c -> c.role() == ColumnRole.ADDRESS).count() != 1) {
      throw new IllegalArgumentException("exactly one column must hold the address");
    }
  }

  /**
   * One column.
   *
   * @param number the column, 1-based
   * @param header the header text as written
   * @param role what the column holds
   * @param fieldKey the custom field the values go to: the header, trimmed, or its rename ("" for
   *     other roles)
   */
  public record MappedColumn(int number, String header, ColumnRole role, String fieldKey) {

    public MappedColumn {
      Objects.requireNonNull(header, "header");
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(fieldKey, "fieldKey");
      if (number < 1 || (role == ColumnRole.CUSTOM) == fieldKey.isEmpty()) {
        throw new IllegalArgumentException("custom columns, and only they, have a field key");
      }
    }
  }

  /** A note on the mapping: a code and its arguments. */
  public record Note(NoteCode code, List<String> args) {

    public Note {
      Objects.requireNonNull(code, "code");
      args = List.copyOf(args);
    }

    /** The default English text. */
    public String english() {
      return code.english(args);
    }
  }

  /** What a mapping note says. */
  public enum NoteCode implements MessageCode {
    /** {0} column, {1} the field key given. */
    EMPTY_HEADER_RENAMED("Column {0} has no header: its values are kept as “{1}”."),
    /** {0} column, {1} header, {2} the field key given. */
    DUPLICATE_HEADER_RENAMED("Column {0} repeats the header “{1}”: its values are kept as “{2}”."),
    /** {0} column, {1} header. */
    ANOTHER_ADDRESS_COLUMN(
        "Column {0} “{1}” also looks like an address column: it is kept as a custom field."),
    /** {0} family-name header, {1} given-name header. */
    NAME_FROM_FAMILY_AND_GIVEN("The name is “{0}” and “{1}” joined with a space.");

    private final String englishTemplate;

    NoteCode(String englishTemplate) {
      this.englishTemplate = englishTemplate;
    }

    @Override
    public String key() {
      return MessageCode.key("import.mapping", this);
    }

    @Override
    public String englishTemplate() {
      return englishTemplate;
    }
  }

  /** The 0-based index of the first column with {@code role}, or -1. */
  int indexOf(ColumnRole role) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).role() == role) {
        return i;
      }
    }
    return -1;
  }
}
