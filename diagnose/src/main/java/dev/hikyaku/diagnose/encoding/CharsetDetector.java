package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.encoding.Decoding.Decoded;
import dev.hikyaku.diagnose.encoding.Detection.Detected;
import dev.hikyaku.diagnose.encoding.Detection.Undetermined;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Detects whether bytes are US-ASCII, UTF-8, ISO-2022-JP, Shift_JIS (CP932) or EUC-JP text, and
 * says {@link Undetermined} rather than guess when the bytes are too few or fit several.
 *
 * <p>The steps, in order:
 *
 * <ol>
 *   <li>NUL bytes: undetermined (binary data, or UTF-16, which mail does not use for text).
 *   <li>Recognised ISO-2022-JP escape sequences ({@code ESC $ B} and the like) and no 8-bit bytes
 *       but half-width katakana: ISO-2022-JP.
 *   <li>No 8-bit bytes: US-ASCII.
 *   <li>Valid UTF-8 with two multi-byte characters or more, or one of three bytes or more: UTF-8.
 *       Shift_JIS and EUC-JP text is practically never valid UTF-8 (their lead bytes are followed
 *       by trail bytes outside 0x80 to 0xBF, or by too few of them).
 *   <li>Otherwise each of UTF-8, Shift_JIS (read as CP932) and EUC-JP that decodes without error is
 *       scored with {@link TextPlausibility}. The best one wins if it gives at least {@value
 *       #MIN_CHARACTERS} non-ASCII characters, scores at least {@value #MIN_SCORE} and leads the
 *       next by {@value #MIN_LEAD}; a Japanese charset with fewer than {@value #FEW_CHARACTERS}
 *       characters must also give some kana, because Latin text read as Shift_JIS yields a stray
 *       ideograph now and then but no kana. EUC-JP read as Shift_JIS gives half-width katakana,
 *       which score low; Shift_JIS read as EUC-JP mostly does not decode at all.
 * </ol>
 *
 * <p>Single-byte charsets such as ISO-8859-1 or windows-1252 are not detected: any byte sequence is
 * valid in them, so the bytes alone cannot tell.
 */
public final class CharsetDetector {

  static final int MIN_CHARACTERS = 2;
  static final double MIN_SCORE = 0.7;
  static final double MIN_LEAD = 0.25;
  static final int FEW_CHARACTERS = 4;

  private CharsetDetector() {}

  private record Candidate(DetectedCharset charset, TextPlausibility.Score score) {}

  /** Detects the charset of {@code bytes}; the work is linear in their length. */
  public static Detection detect(byte[] bytes) {
    if (bytes.length == 0) {
      return new Undetermined("no bytes to tell from");
    }
    int high = 0;
    for (byte b : bytes) {
      if (b == 0) {
        return new Undetermined("NUL bytes: binary data or UTF-16, not text in a mail charset");
      }
      if (b < 0) {
        high++;
      }
    }
    Iso2022Scan iso = Iso2022Scan.of(bytes);
    if (iso.jisEscapes() > 0) {
      if (high == 0) {
        return new Detected(
            DetectedCharset.ISO_2022_JP, "escape sequences " + String.join(", ", iso.escapes()));
      }
      if (iso.eightBitKatakana() == high) {
        return new Detected(
            DetectedCharset.ISO_2022_JP,
            "escape sequences "
                + String.join(", ", iso.escapes())
                + " with "
                + high
                + " 8-bit half-width katakana bytes");
      }
      return new Undetermined("ISO-2022-JP escape sequences mixed with other 8-bit bytes");
    }
    if (high == 0) {
      return new Detected(DetectedCharset.US_ASCII, "7-bit bytes only");
    }
    return multiByte(bytes);
  }

  private static Detection multiByte(byte[] bytes) {
    Decoded utf8 = Decoding.decode(bytes, DetectedCharset.UTF_8.readingCharset());
    if (utf8.clean()) {
      long characters = utf8.text().codePoints().filter(cp -> cp >= 0x80).count();
      boolean longSequence = utf8.text().codePoints().anyMatch(cp -> cp >= 0x800);
      if (characters >= 2 || longSequence) {
        return new Detected(
            DetectedCharset.UTF_8, "valid UTF-8 with " + characters + " multi-byte characters");
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    List<String> invalid = new ArrayList<>();
    for (DetectedCharset charset :
        List.of(DetectedCharset.UTF_8, DetectedCharset.SHIFT_JIS, DetectedCharset.EUC_JP)) {
      Decoded decoded = Decoding.decode(bytes, charset.readingCharset());
      if (decoded.clean()) {
        candidates.add(new Candidate(charset, TextPlausibility.of(decoded.text())));
      } else {
        invalid.add(charset.mimeName());
      }
    }
    if (candidates.isEmpty()) {
      return new Undetermined(
          "8-bit bytes that are not valid UTF-8, Shift_JIS or EUC-JP"
              + " (perhaps a single-byte charset such as ISO-8859-1 or windows-1252)");
    }
    candidates.sort(Comparator.comparingDouble((Candidate c) -> c.score().value()).reversed());
    Candidate best = candidates.getFirst();
    TextPlausibility.Score score = best.score();
    boolean japanese = best.charset() != DetectedCharset.UTF_8;
    if (score.nonAscii() < MIN_CHARACTERS
        || japanese && score.nonAscii() < FEW_CHARACTERS && score.kana() == 0) {
      return new Undetermined(
          "too little 8-bit text to tell ("
              + score.nonAscii()
              + " characters as "
              + best.charset().mimeName()
              + ")");
    }
    if (score.value() < MIN_SCORE) {
      return new Undetermined(
          "no charset gives plausible text (best: "
              + best.charset().mimeName()
              + ", "
              + percent(score.value())
              + " plausible)");
    }
    if (candidates.size() > 1 && score.value() - candidates.get(1).score().value() < MIN_LEAD) {
      return new Undetermined(
          "ambiguous: reads as "
              + best.charset().mimeName()
              + " and as "
              + candidates.get(1).charset().mimeName());
    }
    return new Detected(
        best.charset(),
        percent(score.value())
            + " plausible text in "
            + score.nonAscii()
            + " characters"
            + (invalid.isEmpty() ? "" : "; not valid " + String.join(" or ", invalid)));
  }

  private static String percent(double value) {
    return String.format(Locale.ROOT, "%.0f%%", value * 100);
  }
}
