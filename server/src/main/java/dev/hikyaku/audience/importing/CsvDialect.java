package dev.hikyaku.audience.importing;

import java.util.Objects;

/**
 * How fields are separated in a file. Quoting always follows RFC 4180 §2 and line ends may be CRLF,
 * LF or CR.
 *
 * @param delimiter the character between fields
 * @param detected true if it was detected from the header line, false if the caller chose it
 */
public record CsvDialect(Delimiter delimiter, boolean detected) {

  public CsvDialect {
    Objects.requireNonNull(delimiter, "delimiter");
  }
}
