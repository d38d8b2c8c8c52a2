package dev.hikyaku.campaigns.render;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * Encodes a text body (text/plain or text/html) as a MIME part. Line breaks become CRLF and the
 * body ends with one.
 *
 * <p>UTF-8: 7bit when the text is ASCII with short lines; otherwise quoted-printable when at most
 * one byte in six needs escaping (then QP is no larger than base64 and stays readable), else
 * base64. ISO-2022-JP: each line is a complete JIS sequence, sent as 7bit (RFC 1468); only when a
 * line would pass 998 octets (RFC 5322 §2.1.1) is the same JIS text sent as base64 instead of
 * breaking the line.
 */
final class TextPart {

  private static final int MAX_LINE = 998;

  private TextPart() {}

  static MimePart of(String text, String subtype, MessageCharset charset) {
    String contentType = "text/" + subtype + "; charset=" + charset.mimeName();
    byte[] body;
    String encoding;
    if (charset == MessageCharset.ISO_2022_JP) {
      byte[] jis = jisLines(text);
      boolean fits = longestLine(jis) <= MAX_LINE;
      encoding = fits ? "7bit" : "base64";
      body = fits ? jis : base64(jis);
    } else {
      byte[] utf8 = crlfLines(text).getBytes(StandardCharsets.UTF_8);
      int escapes = escapes(utf8);
      if (escapes == 0 && longestLine(utf8) <= MAX_LINE) {
        encoding = "7bit";
        body = utf8;
      } else if (escapes <= utf8.length / 6) {
        encoding = "quoted-printable";
        body = QuotedPrintable.encode(utf8);
      } else {
        encoding = "base64";
        body = base64(utf8);
      }
    }
    String headers =
        "Content-Type: " + contentType + "\r\n" + "Content-Transfer-Encoding: " + encoding + "\r\n";
    return new MimePart(headers, List.of(new MimePart.Piece(body, encoding.equals("base64"))));
  }

  /** Base64 in lines of 76 (RFC 2045 §6.8), ending in CRLF. */
  static byte[] base64(byte[] bytes) {
    byte[] encoded = Base64.getMimeEncoder().encode(bytes);
    byte[] body = new byte[encoded.length + 2];
    System.arraycopy(encoded, 0, body, 0, encoded.length);
    body[body.length - 2] = '\r';
    body[body.length - 1] = '\n';
    return body;
  }

  /** {@code text} with every line break (CRLF, CR, LF) as CRLF, ending in one. */
  static String crlfLines(String text) {
    StringBuilder out = new StringBuilder(text.length() + text.length() / 32 + 2);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\r') {
        out.append("\r\n");
        if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else if (c == '\n') {
        out.append("\r\n");
      } else {
        out.append(c);
      }
    }
    if (out.length() < 2 || out.charAt(out.length() - 1) != '\n') {
      out.append("\r\n");
    }
    return out.toString();
  }

  private static byte[] jisLines(String text) {
    String lines = crlfLines(Iso2022Jp.normalise(text));
    ByteArrayOutputStream out = new ByteArrayOutputStream(lines.length() * 2);
    int start = 0;
    while (start < lines.length()) {
      int end = lines.indexOf("\r\n", start);
      // Each line is encoded alone, so it returns to ASCII before its CRLF (RFC 1468).
      out.writeBytes(Iso2022Jp.encode(lines.subSequence(start, end)));
      out.write('\r');
      out.write('\n');
      start = end + 2;
    }
    return out.toByteArray();
  }

  /** Bytes a 7bit body cannot carry as they are: 8-bit, controls other than tab and CRLF. */
  private static int escapes(byte[] bytes) {
    int count = 0;
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xFF;
      boolean lineBreak =
          (b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n')
              || (b == '\n' && i > 0 && bytes[i - 1] == '\r');
      if (b >= 0x80 || b == 0x7F || (b < 0x20 && b != '\t' && !lineBreak)) {
        count++;
      }
    }
    return count;
  }

  private static int longestLine(byte[] bytes) {
    int longest = 0;
    int length = 0;
    for (byte b : bytes) {
      if (b == '\r' || b == '\n') {
        length = 0;
      } else {
        longest = Math.max(longest, ++length);
      }
    }
    return longest;
  }
}
