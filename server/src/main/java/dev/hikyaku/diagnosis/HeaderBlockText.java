package dev.hikyaku.diagnosis;

import dev.hikyaku.diagnose.headers.HopAnalyzer;
import java.nio.charset.StandardCharsets;

/** Where a message's header block ends, for the redacted export and the "headers only" check. */
final class HeaderBlockText {

  private HeaderBlockText() {}

  /** The header block of {@code message} as UTF-8 text, up to and including its last line break. */
  static String of(byte[] message) {
    int end = Math.min(message.length, HopAnalyzer.MAX_HEADER_BYTES);
    int blank = blankLine(message, end);
    return new String(message, 0, blank < 0 ? end : blank, StandardCharsets.UTF_8);
  }

  /** The header block of pasted text: everything before the first empty line. */
  static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Whether {@code message} begins like a message or its headers: after any blank lines (and an
   * mbox {@code From } line), a header field name and a colon (RFC 5322 §2.2), with no NUL byte in
   * the header block. Random bytes and prose do not.
   */
  static boolean looksLikeMessage(byte[] message) {
    int end = Math.min(message.length, HopAnalyzer.MAX_HEADER_BYTES);
    int blank = blankLine(message, end);
    for (int i = 0; i < (blank < 0 ? end : blank); i++) {
      if (message[i] == 0) {
        return false;
      }
    }
    int i = 0;
    while (i < end
        && (message[i] == '\r' || message[i] == '\n' || message[i] == ' ' || message[i] == '\t')) {
      i++;
    }
    if (startsWith(message, i, "From ")) {
      while (i < end && message[i] != '\n') {
        i++;
      }
      i++;
    }
    int name = i;
    // RFC 5322 §3.6.8: a field name is printable US-ASCII except the colon.
    while (i < end && message[i] > 32 && message[i] < 127 && message[i] != ':') {
      i++;
    }
    return i > name && i - name <= 76 && i < end && message[i] == ':';
  }

  private static boolean startsWith(byte[] bytes, int at, String prefix) {
    if (bytes.length - at < prefix.length()) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (bytes[at + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** Whether nothing but white space follows the header block (only headers were given). */
  static boolean bodyIsEmpty(byte[] message) {
    int blank = blankLine(message, message.length);
    if (blank < 0) {
      return true;
    }
    for (int i = blank; i < message.length; i++) {
      byte b = message[i];
      if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
        return false;
      }
    }
    return true;
  }

  /**
   * The offset just after the line break that ends the last header line (RFC 5322 §2.1: the header
   * block ends at the first empty line), or -1 when there is no empty line before {@code end}.
   */
  private static int blankLine(byte[] message, int end) {
    for (int i = 0; i < end; i++) {
      if (message[i] != '\n') {
        continue;
      }
      if (i + 1 < end && message[i + 1] == '\n') {
        return i + 1;
      }
      if (i + 2 < end && message[i + 1] == '\r' && message[i + 2] == '\n') {
        return i + 1;
      }
    }
    return -1;
  }
}
