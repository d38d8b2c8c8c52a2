package dev.hikyaku.audience.importing;

import java.util.Objects;

/**
 * How a file is read: its encoding, its dialect and what its columns hold.
 *
 * @param encoding the detected or chosen charset
 * @param dialect the detected or chosen delimiter
 * @param mapping what each column holds
 * @param headerLine the physical line of the header (1 unless blank lines precede it)
 */
public record ImportSource(
    DetectedEncoding encoding, CsvDialect dialect, ColumnMapping mapping, long headerLine) {

  public ImportSource {
    Objects.requireNonNull(encoding, "encoding");
    Objects.requireNonNull(dialect, "dialect");
    Objects.requireNonNull(mapping, "mapping");
  }
}
