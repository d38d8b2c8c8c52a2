package dev.hikyaku.audience.importing;

/** The character between fields. */
public enum Delimiter {
  /** RFC 4180 CSV, what Excel writes as "CSV". */
  COMMA(','),
  /** Excel's "Unicode text" and many CRM exports. */
  TAB('\t'),
  /** CSV from locales whose decimal separator is a comma. */
  SEMICOLON(';');

  private final char character;

  Delimiter(char character) {
    this.character = character;
  }

  /** The delimiter character itself. */
  public char character() {
    return character;
  }
}
