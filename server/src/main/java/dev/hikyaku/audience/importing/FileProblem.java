package dev.hikyaku.audience.importing;

/** Why a whole file cannot be imported; each comes with the arguments its text names. */
public enum FileProblem implements MessageCode {
  /** No argument. */
  EMPTY_FILE("The file is empty: the first row must be a header."),
  /** {0} the headers, separated by commas. */
  NO_ADDRESS_COLUMN(
      "No column is recognised as the e-mail address (headers: {0}). Choose the address column."),
  /** {0} the header cell that holds an address. */
  HEADER_IS_DATA(
      "The first row holds “{0}”, which looks like an address: the first row must be a header."),
  /** {0} columns in the header, {1} limit. */
  TOO_MANY_COLUMNS("The header has {0} columns; at most {1} are supported."),
  /** {0} charset. */
  HEADER_UNDECODABLE("The header holds bytes that are not valid {0}. Choose the file encoding."),
  /** No argument. */
  HEADER_UNTERMINATED_QUOTE("A quoted header is never closed."),
  /** {0} column, {1} limit. */
  HEADER_TOO_LONG("Header {0} is longer than {1} characters."),
  /** {0} the column chosen, {1} columns in the header. */
  COLUMN_OUT_OF_RANGE("Column {0} was chosen but the header has {1} columns."),
  /** {0} the column chosen. */
  COLUMN_CHOSEN_TWICE("Column {0} was chosen for two roles.");

  private final String englishTemplate;

  FileProblem(String englishTemplate) {
    this.englishTemplate = englishTemplate;
  }

  @Override
  public String key() {
    return MessageCode.key("import.file", this);
  }

  @Override
  public String englishTemplate() {
    return englishTemplate;
  }
}
