package dev.hikyaku.approval.checks;

/** The kinds of personal data the checks count, with what their findings are called. */
enum DataKind {
  ADDRESS("address-list", "email addresses", 2),
  MY_NUMBER("my-number", "My Numbers", 1),
  CARD_NUMBER("card-number", "credit card numbers", 1),
  PHONE_NUMBER("phone-numbers", "phone numbers", 2);

  private final String codeSuffix;
  private final String englishPlural;
  private final int warningFrom;

  DataKind(String codeSuffix, String englishPlural, int warningFrom) {
    this.codeSuffix = codeSuffix;
    this.englishPlural = englishPlural;
    this.warningFrom = warningFrom;
  }

  /** The finding code for this kind in an attachment. */
  String attachmentCode() {
    return "attachment-" + codeSuffix;
  }

  /** The finding code for this kind in a body. */
  String contentCode() {
    return "content-" + codeSuffix;
  }

  String englishPlural() {
    return englishPlural;
  }

  /** Distinct values from which a warning is due, unless the blocking threshold is lower. */
  int warningFrom() {
    return warningFrom;
  }
}
