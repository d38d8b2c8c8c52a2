package dev.hikyaku.diagnose.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a header field value into RFC 2047 encoded-words and the text between them, and decodes
 * each word's B or Q encoding (RFC 2047 §4) to bytes, leaving the charset to the caller.
 */
final class EncodedWords {

  // RFC 2047 §2: "=?" charset ["*" language] "?" encoding "?" encoded-text "?="; RFC 2231 §5 adds
  // the language. Neither part may hold "?" or white space, which also keeps the match linear.
  private static final Pattern WORD =
      Pattern.compile("=\\?([^?\\s*]+)(?:\\*[^?\\s]*)?\\?([^?\\s]+)\\?([^?\\s]*)\\?=");

  private EncodedWords() {}

  /** A piece of a field value. */
  sealed interface Segment {}

  /** Text outside encoded-words, as the raw bytes of the field. */
  record Text(byte[] bytes) implements Segment {

    /** Whether the text is only white space, which RFC 2047 §6.2 drops between two words. */
    boolean blank() {
      for (byte b : bytes) {
        if (b != ' ' && b != '\t') {
          return false;
        }
      }
      return true;
    }
  }

  /**
   * One encoded-word.
   *
   * @param written the word as written
   * @param charset the charset label
   * @param encoding the encoding, {@code B} or {@code Q} (or what else was written)
   * @param bytes the decoded bytes, as far as they could be decoded
   * @param malformation what is wrong with the encoding, if anything
   */
  record Word(
      String written, String charset, String encoding, byte[] bytes, Optional<String> malformation)
      implements Segment {}

  static List<Segment> parse(byte[] value) {
    String text = new String(value, StandardCharsets.ISO_8859_1); // one char per byte
    List<Segment> segments = new ArrayList<>();
    Matcher matcher = WORD.matcher(text);
    int last = 0;
    while (matcher.find()) {
      if (matcher.start() > last) {
        segments.add(new Text(bytes(text.substring(last, matcher.start()))));
      }
      segments.add(word(matcher));
      last = matcher.end();
    }
    if (last < text.length()) {
      segments.add(new Text(bytes(text.substring(last))));
    }
    return segments;
  }

  private static Word word(Matcher matcher) {
    String encoding = matcher.group(2);
    String encoded = matcher.group(3);
    return switch (encoding) {
      case "B", "b" -> base64(matcher.group(), matcher.group(1), encoding, encoded);
      case "Q", "q" -> quoted(matcher.group(), matcher.group(1), encoding, encoded);
      default ->
          new Word(
              matcher.group(),
              matcher.group(1),
              encoding,
              bytes(encoded),
              Optional.of("unknown encoding '" + encoding + "' (RFC 2047 §4 knows B and Q)"));
    };
  }

  private static Word base64(String written, String charset, String encoding, String encoded) {
    String padded = encoded.replace("=", "");
    if (padded.length() % 4 == 1 || !padded.chars().allMatch(EncodedWords::base64Char)) {
      byte[] salvaged = Base64.getMimeDecoder().decode(bytes(trimToQuads(padded)));
      return new Word(written, charset, encoding, salvaged, Optional.of("invalid base64"));
    }
    padded = padded + "=".repeat((4 - padded.length() % 4) % 4);
    return new Word(
        written, charset, encoding, Base64.getDecoder().decode(padded), Optional.empty());
  }

  private static String trimToQuads(String text) {
    StringBuilder kept = new StringBuilder();
    text.chars().filter(EncodedWords::base64Char).forEach(c -> kept.append((char) c));
    return kept.substring(0, kept.length() - kept.length() % 4);
  }

  private static boolean base64Char(int c) {
    return c >= 'A' && c <= 'Z'
        || c >= 'a' && c <= 'z'
        || c >= '0' && c <= '9'
        || c == '+'
        || c == '/';
  }

  private static Word quoted(String written, String charset, String encoding, String encoded) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
    Optional<String> malformation = Optional.empty();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      if (c == '_') {
        out.write(' '); // RFC 2047 §4.2 (2)
      } else if (c == '=' && hex(encoded, i + 1)) {
        out.write(HexFormat.fromHexDigits(encoded, i + 1, i + 3));
        i += 2;
      } else {
        if (c == '=') {
          malformation = Optional.of("invalid Q encoding: '=' without two hex digits");
        }
        out.write(c);
      }
    }
    return new Word(written, charset, encoding, out.toByteArray(), malformation);
  }

  private static boolean hex(String text, int at) {
    return at + 2 <= text.length()
        && HexFormat.isHexDigit(text.charAt(at))
        && HexFormat.isHexDigit(text.charAt(at + 1));
  }

  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }
}
