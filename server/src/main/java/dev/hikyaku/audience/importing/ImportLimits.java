package dev.hikyaku.audience.importing;

/**
 * What one import keeps in memory and accepts, whatever the size of the file.
 *
 * @param maxFieldChars characters in one field; a row with a longer field is rejected (default 32
 *     767, the most an Excel cell holds)
 * @param maxColumns columns in the header; a longer header refuses the file (default 256)
 * @param maxListedRows rejected rows, and separately rows with warnings, listed in the dry-run
 *     report; the rest are only counted (default 10 000)
 * @param excerptChars characters of a rejected row's raw text kept in the report (default 200)
 * @param detectionBytes bytes read ahead to detect the encoding and the delimiter (default 256 KiB)
 */
public record ImportLimits(
    int maxFieldChars, int maxColumns, int maxListedRows, int excerptChars, int detectionBytes) {

  /** The defaults described above. */
  public static final ImportLimits DEFAULTS =
      new ImportLimits(32_767, 256, 10_000, 200, 256 * 1024);

  public ImportLimits {
    if (maxFieldChars < 1
        || maxColumns < 1
        || maxListedRows < 0
        || excerptChars < 1
        || detectionBytes < 4) {
      throw new IllegalArgumentException(
          "limits must be positive (listed rows may be zero, detection needs 4 bytes)");
    }
  }
}
