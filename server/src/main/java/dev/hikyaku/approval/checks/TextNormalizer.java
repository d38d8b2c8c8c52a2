package dev.hikyaku.approval.checks;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Folds one line of text into the form the detectors read: NFKC, so that full-width digits,
 * letters, {@code ＠} and {@code －} count like their ASCII forms (Japanese forms are often typed in
 * full width), and dash look-alikes between digits made hyphens.
 */
final class TextNormalizer {

  // U+2010..U+2015 hyphens and dashes, U+2212 minus, U+30FC the long-vowel mark (ー) that IMEs
  // put in phone numbers typed in kana mode; only between digits, so words keep their ー.
  private static final Pattern DASH_BETWEEN_DIGITS =
      Pattern.compile("(?<=[0-9])[\u2010-\u2015\u2212\u30FC\uFF70](?=[0-9])");

  private TextNormalizer() {}

  static String normalize(String line) {
    String folded = isPlainAscii(line) ? line : Normalizer.normalize(line, Normalizer.Form.NFKC);
    return DASH_BETWEEN_DIGITS.matcher(folded).replaceAll("-");
  }

  private static boolean isPlainAscii(String line) {
    for (int i = 0; i < line.length(); i++) {
      if (line.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }
}
