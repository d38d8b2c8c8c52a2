package dev.hikyaku.e2e.postfix;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes the encoded-words of an unstructured header field (RFC 2047), so a test can compare a
 * Japanese subject with what was written. Both encodings, B and Q; any charset Java knows.
 */
final class EncodedWords {

  private static final Pattern WORD =
      Pattern.compile("=\\?([^?*]+)(?:\\*[^?]*)?\\?([BbQq])\\?([^?]*)\\?=");

  /** White space between two adjacent encoded-words is not displayed (RFC 2047 §6.2). */
  private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

  private EncodedWords() {}

  static String decode(String value) {
    String joined = BETWEEN_WORDS.matcher(value).replaceAll("$1$2");
    Matcher m = WORD.matcher(joined);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Charset charset = Charset.forName(m.group(1));
      byte[] bytes =
          m.group(2).equalsIgnoreCase("B")
              ? Base64.getDecoder().decode(m.group(3))
              : quoted(m.group(3));
      m.appendReplacement(out, Matcher.quoteReplacement(new String(bytes, charset)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** RFC 2047 §4.2: Q is quoted-printable with "_" for a space. */
  private static byte[] quoted(String text) {
    var out = new java.io.ByteArrayOutputStream();
    byte[] in = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '_') {
        out.write(' ');
      } else if (in[i] == '=' && i + 2 < in.length) {
        out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.write(in[i]);
      }
    }
    return out.toByteArray();
  }
}
