package dev.hikyaku.audience.importing;

/**
 * Columns the user chose by hand, 1-based as the console shows them; 0 leaves a role to detection.
 * A chosen column wins over any header that detection would have taken for that role.
 *
 * @param address the address column, or 0
 * @param name the full-name column, or 0 (then family and given name columns are not combined)
 * @param company the company column, or 0
 */
public record ColumnOverride(int address, int name, int company) {

  /** Everything detected from the header. */
  public static final ColumnOverride NONE = new ColumnOverride(0, 0, 0);

  public ColumnOverride {
    if (address < 0 || name < 0 || company < 0) {
      throw new IllegalArgumentException("columns are counted from 1 (0 means detect)");
    }
  }

  /** Only the address column chosen. */
  public static ColumnOverride address(int column) {
    return new ColumnOverride(column, 0, 0);
  }
}
