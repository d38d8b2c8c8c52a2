package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.Excerpt;
import dev.hikyaku.diagnose.encoding.Decoding.Decoded;
import dev.hikyaku.diagnose.encoding.Detection.Detected;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Checks text bytes against the charset they are declared in: whether they decode cleanly, which
 * charset they are really in, and the troubles peculiar to Japanese text (Windows-only characters,
 * half-width katakana and missing returns to ASCII in ISO-2022-JP).
 */
final class TextCheck {

  /** Below this plausibility, text decoded with the declared charset counts as mojibake. */
  static final double IMPLAUSIBLE = 0.5;

  private TextCheck() {}

  /** Something wrong with the text. */
  sealed interface Issue {

    /**
     * The bytes are in {@code actual}, not in the declared charset.
     *
     * @param replacements how many sequences did not decode with the declared charset
     * @param sample when all did, a piece of the implausible text they gave
     */
    record WrongCharset(DetectedCharset actual, int replacements, String sample) implements Issue {}

    /**
     * Characters that only the Windows variant of the declared charset has (CP932 for Shift_JIS,
     * CP50220 for ISO-2022-JP), such as ① and ㈱.
     */
    record WindowsCharacters(DetectedCharset family, String samples) implements Issue {}

    /** Half-width katakana in ISO-2022-JP, which RFC 1468 does not allow. */
    record HalfWidthKatakana(int count) implements Issue {}

    /** ISO-2022-JP that does not return to ASCII before line ends or at its end (RFC 1468). */
    record Unterminated(int lines, boolean atEnd) implements Issue {}

    /** The bytes do not decode with the declared charset and fit no other. */
    record Undecodable(int replacements, String reason) implements Issue {}
  }

  /**
   * The outcome of a check.
   *
   * @param detection what the bytes look like, whatever was declared
   * @param declared the decoding with the declared charset, if one was declared and is known
   * @param readAs the charset the text is best read with
   * @param text the text read with it
   * @param issues what is wrong
   */
  record Result(
      Detection detection,
      Optional<Decoded> declared,
      Charset readAs,
      String text,
      List<Issue> issues) {

    Result {
      Objects.requireNonNull(detection, "detection");
      Objects.requireNonNull(declared, "declared");
      Objects.requireNonNull(readAs, "readAs");
      Objects.requireNonNull(text, "text");
      issues = List.copyOf(issues);
    }

    /** The charset the bytes were found to be in instead of the declared one, if any. */
    Optional<DetectedCharset> wrongCharset() {
      return issues.stream()
          .filter(Issue.WrongCharset.class::isInstance)
          .map(i -> ((Issue.WrongCharset) i).actual())
          .findFirst();
    }
  }

  static Result check(byte[] sent, Optional<Charset> declared) {
    Detection detection = CharsetDetector.detect(sent);
    List<Issue> issues = new ArrayList<>();
    Optional<DetectedCharset> family = declared.flatMap(CharsetLabels::family);
    Iso2022Scan scan = Iso2022Scan.of(sent);
    boolean iso =
        family.equals(Optional.of(DetectedCharset.ISO_2022_JP))
            || detection.detectedCharset().equals(Optional.of(DetectedCharset.ISO_2022_JP));
    // ISO-2022-JP left in double-byte mode at a line end is read the way lenient readers do;
    // the missing escape sequences are reported below, not as undecodable bytes.
    byte[] bytes = iso && scan.unterminated() ? Iso2022Scan.closeShifts(sent) : sent;
    Optional<Decoded> declaredDecoding = declared.map(charset -> Decoding.decode(bytes, charset));
    Charset readAs;
    String text;
    Optional<DetectedCharset> wrong =
        declaredDecoding.flatMap(d -> wrongCharset(bytes, detection, family, d));
    if (wrong.isPresent()) {
      Decoded d = declaredDecoding.orElseThrow();
      issues.add(
          new Issue.WrongCharset(wrong.get(), d.errors(), d.clean() ? sample(d.text()) : ""));
      readAs = wrong.get().readingCharset();
      text = Decoding.decode(bytes, readAs).text();
    } else if (declaredDecoding.isPresent()) {
      Decoded d = declaredDecoding.get();
      readAs = declared.get();
      text = d.text();
      if (!d.clean()) {
        Optional<Decoded> windows =
            family
                .filter(f -> f == DetectedCharset.SHIFT_JIS || f == DetectedCharset.ISO_2022_JP)
                .map(f -> Decoding.decode(bytes, f.readingCharset()))
                .filter(Decoded::clean);
        if (windows.isPresent()) {
          issues.add(
              new Issue.WindowsCharacters(
                  family.get(), windowsOnly(windows.get().text(), declared.get())));
          readAs = family.get().readingCharset();
          text = windows.get().text();
        } else {
          issues.add(new Issue.Undecodable(d.errors(), reason(detection)));
        }
      }
    } else {
      readAs =
          detection
              .detectedCharset()
              .map(DetectedCharset::readingCharset)
              .orElse(StandardCharsets.UTF_8);
      text = Decoding.decode(bytes, readAs).text();
    }
    DetectedCharset actual =
        wrong.or(() -> family).or(detection::detectedCharset).orElse(DetectedCharset.US_ASCII);
    if (actual == DetectedCharset.ISO_2022_JP) {
      if (scan.halfWidthKatakana() > 0) {
        issues.add(new Issue.HalfWidthKatakana(scan.halfWidthKatakana()));
      }
      if (scan.unterminated()) {
        issues.add(new Issue.Unterminated(scan.linesNotReturning(), scan.endsShifted()));
      }
    }
    return new Result(detection, declaredDecoding, readAs, text, issues);
  }

  /**
   * The charset the bytes are really in, when the detector found one other than the declared
   * charset's family and the declared decoding is broken (replacements), structurally wrong (the
   * bytes are UTF-8 or ISO-2022-JP, which other charsets never produce by chance) or implausible.
   */
  private static Optional<DetectedCharset> wrongCharset(
      byte[] bytes, Detection detection, Optional<DetectedCharset> family, Decoded declared) {
    if (!(detection instanceof Detected detected)
        || detected.charset() == DetectedCharset.US_ASCII
        || family.equals(Optional.of(detected.charset()))) {
      return Optional.empty();
    }
    DetectedCharset actual = detected.charset();
    if (!Decoding.decode(bytes, actual.readingCharset()).clean()) {
      return Optional.empty();
    }
    boolean wrong =
        !declared.clean()
            || actual == DetectedCharset.UTF_8
            || actual == DetectedCharset.ISO_2022_JP
            || TextPlausibility.of(declared.text()).value() < IMPLAUSIBLE;
    return wrong ? Optional.of(actual) : Optional.empty();
  }

  /** Up to five distinct characters of {@code text} that {@code strict} cannot encode. */
  private static String windowsOnly(String text, Charset strict) {
    CharsetEncoder encoder = strict.newEncoder();
    return text.codePoints()
        .filter(cp -> cp >= 0x80)
        .mapToObj(Character::toString)
        .filter(c -> !encoder.canEncode(c))
        .distinct()
        .limit(5)
        .collect(Collectors.joining(", "));
  }

  /**
   * The piece of {@code text} around its first non-ASCII character or escape, with ESC shown as ␛
   * so ISO-2022-JP read as something else stays recognisable.
   */
  static String sample(String text) {
    int at = 0;
    while (at < text.length() && text.charAt(at) < 0x80 && text.charAt(at) != 0x1B) {
      at++;
    }
    int start = Math.max(0, at - 5);
    if (start > 0 && Character.isLowSurrogate(text.charAt(start))) {
      start--;
    }
    return Excerpt.of(
        text.substring(start, Math.min(text.length(), start + 60)).replace('\u001B', '␛'), 30);
  }

  private static String reason(Detection detection) {
    return switch (detection) {
      case Detection.Detected d -> "the bytes look like " + d.charset().mimeName();
      case Detection.Undetermined u -> u.reason();
    };
  }
}
