package dev.hikyaku.audience.importing;

/**
 * What to do with an address typed with the IME in full-width mode ({@code ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ}), which
 * becomes a valid address under NFKC normalisation.
 */
public enum FullWidthPolicy {
  /**
   * Reject the row and offer the normalised address as a suggestion (the default): the file is the
   * user's record, and they should see and fix it there rather than have it silently differ.
   */
  REJECT_WITH_SUGGESTION,
  /** Import the normalised address, with a warning that names what was written. */
  NORMALIZE_WITH_WARNING
}
