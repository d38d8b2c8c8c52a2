package dev.hikyaku.audience.importing;

/** Something about a row that is imported all the same, but that the user should see. */
public enum WarningCode implements MessageCode {
  /** {0} the address, {1} its local part. */
  ROLE_ADDRESS("{0} is a role address ({1}@): it usually reaches a group or no one, not a person."),
  /** {0} the address. */
  CARRIER_LEGACY_ADDRESS(
      "{0} breaks RFC 5322 but is a real address from an old Japanese mobile carrier: kept as"
          + " written."),
  /** {0} the cell as written, {1} the display name taken out. */
  DISPLAY_NAME_REMOVED("The name “{1}” was taken out of “{0}”: only the address is imported."),
  /** {0} the name. */
  DISPLAY_NAME_USED_AS_NAME("The row has no name, so “{0}” from the address cell is used."),
  /** {0} the address as written, {1} the address imported. */
  FULL_WIDTH_NORMALIZED("“{0}” contained full-width characters and is imported as {1}."),
  /** {0} the column header. */
  CONTROL_CHARACTERS_REPLACED(
      "Line breaks or control characters in “{0}” were replaced by spaces."),
  /** No argument. */
  IRREGULAR_QUOTES(
      "A double quote inside a field was kept as text: check that the columns came out right.");

  private final String englishTemplate;

  WarningCode(String englishTemplate) {
    this.englishTemplate = englishTemplate;
  }

  @Override
  public String key() {
    return MessageCode.key("import.warning", this);
  }

  @Override
  public String englishTemplate() {
    return englishTemplate;
  }
}
