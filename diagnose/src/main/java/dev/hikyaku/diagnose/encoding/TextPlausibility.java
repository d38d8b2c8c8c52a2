package dev.hikyaku.diagnose.encoding;

/**
 * How plausible decoded text is as something a person wrote, judged by its non-ASCII characters.
 *
 * <p>Each non-ASCII character weighs 1 when it is common in mail (kana, CJK ideographs, CJK and
 * full-width punctuation, accented Latin letters, general punctuation, the enclosed and squared
 * characters of Japanese text such as ① and ㈱), 0.5 when it is rarer but possible (symbols, Greek,
 * Cyrillic, box drawing, letters of other scripts), 0.3 for half-width katakana (which EUC-JP bytes
 * turn into when read as Shift_JIS) and 0 when it only appears in mojibake (C1 controls, private
 * use, replacement characters, unassigned code points). The score is the mean weight; a wrong
 * charset typically scores under 0.5, the right one over 0.9.
 */
final class TextPlausibility {

  private TextPlausibility() {}

  /**
   * The plausibility of a text.
   *
   * @param nonAscii how many non-ASCII characters the text has
   * @param kana how many of them are hiragana or full-width katakana
   * @param value the mean weight of the non-ASCII characters, 1 when there are none
   */
  record Score(int nonAscii, int kana, double value) {}

  static Score of(String text) {
    int nonAscii = 0;
    int kana = 0;
    double sum = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp < 0x80) {
        continue;
      }
      nonAscii++;
      if (cp >= 0x3041 && cp <= 0x30FF) {
        kana++;
      }
      sum += weight(cp);
    }
    return new Score(nonAscii, kana, nonAscii == 0 ? 1.0 : sum / nonAscii);
  }

  static double weight(int cp) {
    if (cp <= 0x9F || cp == 0xFFFD || cp >= 0xE000 && cp <= 0xF8FF) {
      return 0; // C1 controls, replacement characters, private use
    }
    int type = Character.getType(cp);
    if (type == Character.UNASSIGNED
        || type == Character.CONTROL
        || type == Character.SURROGATE
        || type == Character.PRIVATE_USE) {
      return 0;
    }
    if (cp >= 0xFF61 && cp <= 0xFF9F) {
      return 0.3; // half-width katakana
    }
    if (cp >= 0x3000 && cp <= 0x30FF // CJK punctuation, hiragana, katakana
        || cp >= 0x3200 && cp <= 0x33FF // enclosed and squared CJK: ㈱, ㍉
        || cp >= 0x3400 && cp <= 0x4DBF // CJK extension A
        || cp >= 0x4E00 && cp <= 0x9FFF // CJK unified ideographs
        || cp >= 0xF900 && cp <= 0xFAFF // CJK compatibility ideographs
        || cp >= 0xFF01 && cp <= 0xFF60 // full-width forms
        || cp >= 0xFFE0 && cp <= 0xFFE6
        || cp >= 0x2010 && cp <= 0x205E // general punctuation
        || cp >= 0x2460 && cp <= 0x24FF // enclosed alphanumerics: ①
        || cp >= 0x2160 && cp <= 0x217F // Roman numerals
        || cp >= 0xC0 && cp <= 0x24F && Character.isLetter(cp)) {
      return 1;
    }
    return 0.5;
  }
}
