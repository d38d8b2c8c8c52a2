package dev.hikyaku.diagnose.encoding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Test messages as bytes, their text encoded with the JDK's encoders. */
final class TestMail {

  private TestMail() {}

  /**
   * The pieces one after the other: strings must be ASCII and get CRLF line ends, byte arrays are
   * taken as they are.
   */
  static byte[] of(Object... pieces) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object piece : pieces) {
      switch (piece) {
        case String text -> {
          if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
            throw new IllegalArgumentException("give non-ASCII text as bytes: " + text);
          }
          out.writeBytes(text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes());
        }
        case byte[] bytes -> out.writeBytes(bytes);
        default -> throw new IllegalArgumentException("a string or bytes: " + piece);
      }
    }
    return out.toByteArray();
  }

  /** {@code text} in {@code charset}. */
  static byte[] bytes(String text, String charset) {
    return text.getBytes(Charset.forName(charset));
  }

  /** An RFC 2047 B-encoded word holding {@code bytes}, labelled {@code label}. */
  static String word(String label, byte[] bytes) {
    return "=?" + label + "?B?" + Base64.getEncoder().encodeToString(bytes) + "?=";
  }

  /** An RFC 2047 B-encoded word holding {@code text} encoded in {@code charset}. */
  static String word(String charset, String text) {
    return word(charset, bytes(text, charset));
  }

  /** {@code text} in {@code charset}, base64-encoded in lines of 76 characters. */
  static String base64(String text, String charset) {
    return Base64.getMimeEncoder().encodeToString(bytes(text, charset)) + "\n";
  }

  /** The common header of a test message, without a blank line. */
  static String header(String subject) {
    return "From: sender@example.jp\nTo: tanaka@example.co.jp\nSubject: "
        + subject
        + "\nDate: Mon, 23 Nov 2026 10:00:00 +0900\nMessage-ID: <1@example.jp>\n";
  }

  /** A one-part message with MIME-Version, the given Content-Type and body bytes. */
  static byte[] single(String contentType, String transferEncoding, byte[] body) {
    return of(
        header("test"),
        "MIME-Version: 1.0\nContent-Type: " + contentType + "\n",
        transferEncoding.isEmpty() ? "" : "Content-Transfer-Encoding: " + transferEncoding + "\n",
        "\n",
        body);
  }
}
