package dev.hikyaku.audience.importing;

import java.util.List;

/**
 * One record as the tokenizer read it, before any meaning is given to its fields.
 *
 * @param line the physical line where the record starts (1-based)
 * @param lastLine the physical line where it ends (later than {@code line} if a quoted field holds
 *     line breaks)
 * @param fields the fields that were kept (at most the header's width; longer ones cut short)
 * @param columns how many fields the record has, kept or not
 * @param extraNonBlank whether a field beyond the kept ones holds more than white space
 * @param longField the 1-based column of the first field longer than the limit, or 0
 * @param unterminatedQuote whether a quoted field was still open at the end of the file
 * @param irregularQuotes whether a quote appeared inside an unquoted field or after a closing quote
 * @param undecodable whether the record holds bytes that are not valid in the charset
 * @param raw the start of the record's text as read, for the report
 */
record CsvRecord(
    long line,
    long lastLine,
    List<String> fields,
    int columns,
    boolean extraNonBlank,
    int longField,
    boolean unterminatedQuote,
    boolean irregularQuotes,
    boolean undecodable,
    String raw) {

  CsvRecord {
    fields = List.copyOf(fields);
  }

  /** Whether every field is empty or white space: such rows are skipped without a word. */
  boolean isBlank() {
    return !extraNonBlank && !unterminatedQuote && fields.stream().allMatch(String::isBlank);
  }
}
