package dev.hikyaku.diagnose.encoding;

import dev.hikyaku.diagnose.Excerpt;
import dev.hikyaku.diagnose.encoding.CharsetProblems.Subject;
import dev.hikyaku.diagnose.encoding.Decoding.Decoded;
import dev.hikyaku.diagnose.encoding.EncodedWords.Segment;
import dev.hikyaku.diagnose.encoding.EncodedWords.Text;
import dev.hikyaku.diagnose.encoding.EncodedWords.Word;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decodes one header field value with RFC 2047 encoded-words or raw non-ASCII bytes, and finds what
 * is wrong with its encoding.
 *
 * <p>Adjacent encoded-words with the same charset are decoded together: RFC 2047 §5 requires each
 * word to hold whole characters, and when words decoded one by one break but decode together, a
 * character was split between them. The white space between adjacent words is dropped (§6.2).
 */
final class HeaderInspector {

  /** At most this many bytes of a field value are analysed. */
  static final int MAX_VALUE_BYTES = 16 * 1024;

  /** The raw form is shown up to this many characters. */
  static final int MAX_RAW_CHARACTERS = 400;

  /** The decoded text is kept up to this many characters. */
  static final int MAX_DECODED_CHARACTERS = 1000;

  private static final byte ESC = 0x1B;

  private HeaderInspector() {}

  /**
   * The field's text and findings (added to {@code findings}), or empty when the value has neither
   * encoded-words nor raw non-ASCII bytes.
   */
  static Optional<HeaderText> inspect(String where, byte[] value, List<EncodingFinding> findings) {
    byte[] bytes = value.length > MAX_VALUE_BYTES ? Arrays.copyOf(value, MAX_VALUE_BYTES) : value;
    List<Segment> segments = EncodedWords.parse(bytes);
    byte[] outside = outside(segments);
    boolean raw = rawNonAscii(outside);
    if (!raw && segments.stream().noneMatch(Word.class::isInstance)) {
      return Optional.empty();
    }
    // One finding per code and field: a field with three runs of SJIS words gets one label finding.
    Map<String, EncodingFinding> found = new LinkedHashMap<>();
    Optional<Detection> rawDetection = Optional.empty();
    Charset textCharset = StandardCharsets.US_ASCII;
    if (raw) {
      Detection detection = CharsetDetector.detect(outside);
      rawDetection = Optional.of(detection);
      add(found, HeaderProblems.raw(where, detection));
      textCharset =
          detection
              .detectedCharset()
              .map(DetectedCharset::readingCharset)
              .orElse(StandardCharsets.UTF_8);
    }
    StringBuilder decoded = new StringBuilder();
    Set<String> labels = new LinkedHashSet<>();
    int i = 0;
    while (i < segments.size()) {
      if (segments.get(i) instanceof Text text) {
        if (!(text.blank() && between(segments, i))) {
          decoded.append(Decoding.decode(text.bytes(), textCharset).text());
        }
        i++;
        continue;
      }
      List<Word> run = new ArrayList<>();
      String label = ((Word) segments.get(i)).charset();
      int j = i;
      while (j < segments.size()) {
        if (segments.get(j) instanceof Word word && word.charset().equalsIgnoreCase(label)) {
          run.add(word);
          j++;
        } else if (segments.get(j) instanceof Text text
            && text.blank()
            && j + 1 < segments.size()
            && segments.get(j + 1) instanceof Word next
            && next.charset().equalsIgnoreCase(label)) {
          j++;
        } else {
          break;
        }
      }
      labels.add(label);
      decoded.append(words(where, run, found));
      i = j;
    }
    findings.addAll(found.values());
    return Optional.of(
        new HeaderText(
            where,
            RawText.printable(bytes, MAX_RAW_CHARACTERS),
            Excerpt.of(decoded.toString(), MAX_DECODED_CHARACTERS),
            List.copyOf(labels),
            rawDetection,
            List.copyOf(found.keySet())));
  }

  /** Decodes a run of adjacent encoded-words with the same charset label. */
  private static String words(String where, List<Word> run, Map<String, EncodingFinding> found) {
    CharsetLabels.Label label = CharsetLabels.resolve(run.getFirst().charset());
    Subject subject = Subject.header(where, label.label());
    run.stream()
        .flatMap(w -> w.malformation().stream())
        .findFirst()
        .ifPresent(m -> add(found, HeaderProblems.malformed(where, m)));
    label
        .registeredName()
        .ifPresent(name -> add(found, CharsetProblems.unregisteredLabel(subject, name)));
    byte[] joined = join(run);
    if (label.charset().isEmpty()) {
      Detection detection = CharsetDetector.detect(joined);
      add(found, CharsetProblems.unknownLabel(subject, detection));
      return Decoding.decode(
              joined,
              detection
                  .detectedCharset()
                  .map(DetectedCharset::readingCharset)
                  .orElse(StandardCharsets.UTF_8))
          .text();
    }
    Charset charset = label.charset().get();
    Decoded together = Decoding.decode(joined, charset);
    if (together.clean() && split(run, charset)) {
      add(found, HeaderProblems.split(where, label.label()));
      return together.text();
    }
    TextCheck.Result result = TextCheck.check(joined, Optional.of(charset));
    result.issues().forEach(issue -> add(found, CharsetProblems.of(issue, subject)));
    return result.text();
  }

  /**
   * Whether decoding the words one by one breaks where decoding them together does not: a
   * replacement character, or an ISO-2022-JP word that ends in double-byte mode followed by one
   * that goes on without an escape sequence.
   */
  private static boolean split(List<Word> run, Charset charset) {
    if (run.size() < 2) {
      return false;
    }
    if (run.stream().anyMatch(w -> !Decoding.decode(w.bytes(), charset).clean())) {
      return true;
    }
    if (CharsetLabels.family(charset).orElse(null) != DetectedCharset.ISO_2022_JP) {
      return false;
    }
    for (int k = 0; k + 1 < run.size(); k++) {
      byte[] next = run.get(k + 1).bytes();
      if (Iso2022Scan.of(run.get(k).bytes()).endsShifted()
          && (next.length == 0 || next[0] != ESC)) {
        return true;
      }
    }
    return false;
  }

  /** Whether the segment at {@code i} lies between two encoded-words. */
  private static boolean between(List<Segment> segments, int i) {
    return i > 0
        && i + 1 < segments.size()
        && segments.get(i - 1) instanceof Word
        && segments.get(i + 1) instanceof Word;
  }

  /** The bytes outside encoded-words. */
  private static byte[] outside(List<Segment> segments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Segment segment : segments) {
      if (segment instanceof Text text) {
        out.writeBytes(text.bytes());
      }
    }
    return out.toByteArray();
  }

  private static byte[] join(List<Word> run) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    run.forEach(w -> out.writeBytes(w.bytes()));
    return out.toByteArray();
  }

  /** Bytes above 127, or ISO-2022-JP escape sequences, which RFC 5322 §2.2 does not allow. */
  private static boolean rawNonAscii(byte[] bytes) {
    for (byte b : bytes) {
      if (b < 0) {
        return true;
      }
    }
    return Iso2022Scan.of(bytes).jisEscapes() > 0;
  }

  private static void add(Map<String, EncodingFinding> found, EncodingFinding finding) {
    found.putIfAbsent(finding.code(), finding);
  }
}
