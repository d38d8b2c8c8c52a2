package dev.hikyaku.audience.importing;

/** What a column of the file holds. */
public enum ColumnRole {
  /** The e-mail address; exactly one column has it. */
  ADDRESS,
  /** The full name (氏名). */
  NAME,
  /** The family name (姓), joined before the given name when there is no full-name column. */
  FAMILY_NAME,
  /** The given name (名). */
  GIVEN_NAME,
  /** The company or organisation (会社名). */
  COMPANY,
  /** Anything else: kept as a custom field under its header. */
  CUSTOM
}
