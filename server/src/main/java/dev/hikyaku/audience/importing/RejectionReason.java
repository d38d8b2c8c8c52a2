package dev.hikyaku.audience.importing;

/** Why a row is not imported; each comes with the arguments its text names. */
public enum RejectionReason implements MessageCode {
  /** {0} charset. */
  UNDECODABLE_BYTES(
      "The row holds bytes that are not valid {0}: the file may be in another encoding."),
  /** {0} the line where the file ends. */
  UNTERMINATED_QUOTE(
      "A quoted field that starts on this row is never closed: lines up to {0} were read as one"
          + " field."),
  /** {0} column number, {1} limit. */
  FIELD_TOO_LONG("Column {0} is longer than {1} characters."),
  /** {0} columns in the row, {1} columns in the header. */
  TOO_MANY_COLUMNS("The row has {0} columns but the header has {1}."),
  /** No argument. */
  MISSING_ADDRESS("The address column is empty."),
  /** {0} the address as written. */
  MISSING_AT_SIGN("“{0}” has no @."),
  /** {0} the address as written. */
  MULTIPLE_AT_SIGNS("“{0}” has more than one @."),
  /** {0} the cell as written. */
  MULTIPLE_ADDRESSES("“{0}” holds more than one address: put one address per row."),
  /** {0} the address as written, {1} the suggested correction. */
  FULL_WIDTH_CHARACTERS("“{0}” contains full-width characters. Did you mean {1}?"),
  /** {0} the address as written. */
  CONTAINS_SPACE("“{0}” contains a space."),
  /** {0} the address as written, {1} the first such character. */
  NON_ASCII_CHARACTERS(
      "“{0}” contains “{1}”: addresses with characters other than ASCII are not supported."),
  /** {0} the address as written, {1} the character. */
  INVALID_CHARACTER("“{0}” contains “{1}”, which is not allowed in an address."),
  /** {0} the address as written. */
  LEADING_DOT("“{0}” starts with a dot."),
  /** {0} the address as written. */
  CONSECUTIVE_DOTS(
      "“{0}” has two dots in a row (accepted only for old docomo.ne.jp and ezweb.ne.jp addresses)."),
  /** {0} the address as written. */
  DOT_BEFORE_AT_SIGN(
      "“{0}” has a dot right before the @ (accepted only for old docomo.ne.jp and ezweb.ne.jp"
          + " addresses)."),
  /** {0} the address as written, {1} the address without the dot. */
  TRAILING_DOT("“{0}” ends with a dot. Did you mean {1}?"),
  /** {0} the address as written, {1} the domain. */
  INVALID_DOMAIN("“{1}” in “{0}” is not a valid mail domain."),
  /** {0} the address as written. */
  TOO_LONG("“{0}” is too long (at most 64 characters before the @ and 254 in all)."),
  /** {0} the address as written. */
  INVALID_ADDRESS("“{0}” is not a valid e-mail address."),
  /** {0} the address, {1} the line where it first appears. */
  DUPLICATE_ADDRESS("{0} already appears on line {1}."),
  /** {0} the address. */
  SUPPRESSED("{0} is on the suppression list (bounced, complained or unsubscribed).");

  private final String englishTemplate;

  RejectionReason(String englishTemplate) {
    this.englishTemplate = englishTemplate;
  }

  @Override
  public String key() {
    return MessageCode.key("import.rejected", this);
  }

  @Override
  public String englishTemplate() {
    return englishTemplate;
  }
}
