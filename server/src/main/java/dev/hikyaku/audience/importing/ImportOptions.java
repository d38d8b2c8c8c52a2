package dev.hikyaku.audience.importing;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a file: what the user chose by hand, and the limits.
 *
 * @param charset the charset, or empty to detect it (default)
 * @param delimiter the delimiter, or empty to detect it from the header line (default)
 * @param columns columns chosen by hand (default: none)
 * @param fullWidth what to do with full-width addresses (default: reject with a suggestion)
 * @param limits the limits (default {@link ImportLimits#DEFAULTS})
 */
public record ImportOptions(
    Optional<Charset> charset,
    Optional<Delimiter> delimiter,
    ColumnOverride columns,
    FullWidthPolicy fullWidth,
    ImportLimits limits) {

  /** The defaults described above. */
  public static final ImportOptions DEFAULTS =
      new ImportOptions(
          Optional.empty(),
          Optional.empty(),
          ColumnOverride.NONE,
          FullWidthPolicy.REJECT_WITH_SUGGESTION,
          ImportLimits.DEFAULTS);

  public ImportOptions {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(delimiter, "delimiter");
    Objects.requireNonNull(columns, "columns");
    Objects.requireNonNull(fullWidth, "fullWidth");
    Objects.requireNonNull(limits, "limits");
  }

  /**
   * These options with a fixed charset. The import pass after a dry run should pass the charset the
   * dry run detected, so both passes read the same characters.
   */
  public ImportOptions withCharset(Charset value) {
    return new ImportOptions(Optional.of(value), delimiter, columns, fullWidth, limits);
  }

  /** These options with a fixed delimiter. */
  public ImportOptions withDelimiter(Delimiter value) {
    return new ImportOptions(charset, Optional.of(value), columns, fullWidth, limits);
  }

  /** These options with columns chosen by hand. */
  public ImportOptions withColumns(ColumnOverride value) {
    return new ImportOptions(charset, delimiter, value, fullWidth, limits);
  }

  /** These options with another full-width policy. */
  public ImportOptions withFullWidth(FullWidthPolicy value) {
    return new ImportOptions(charset, delimiter, columns, value, limits);
  }

  /** These options with other limits. */
  public ImportOptions withLimits(ImportLimits value) {
    return new ImportOptions(charset, delimiter, columns, fullWidth, value);
  }
}
