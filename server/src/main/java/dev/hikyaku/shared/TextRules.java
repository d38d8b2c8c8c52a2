package dev.hikyaku.shared;

/** Checks shared by every value that a person types: length limits and no control characters. */
public final class TextRules {

  private TextRules() {}

  /**
   * Returns {@code value} stripped, or throws if it is blank, longer than {@code max} characters or
   * holds a control character (CR and LF included: they would forge log lines and mail headers).
   */
  public static String requireLine(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "required", field + " is required");
    }
    String v = value.strip();
    if (v.codePointCount(0, v.length()) > max) {
      throw new InvalidInputException(
          field, "too-long", field + " is longer than " + max + " characters");
    }
    if (v.codePoints().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(
          field, "control-character", field + " contains a line break or control character");
    }
    return v;
  }

  /** Like {@link #requireLine} but an empty value is allowed and returned as "". */
  public static String optionalLine(String field, String value, int max) {
    if (value == null || value.isBlank()) {
      return "";
    }
    return requireLine(field, value, max);
  }
}
