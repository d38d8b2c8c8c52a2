package dev.hikyaku.campaigns.render;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * One MIME entity ready to be written: its header fields (ASCII, each ending in CRLF) and its body
 * as pieces, so that shared bodies such as attachments are copied only into the final message.
 *
 * @param headers the entity's header fields
 * @param body the pieces of the body, which ends in CRLF
 */
record MimePart(String headers, List<Piece> body) {

  MimePart {
    body = List.copyOf(body);
  }

  /**
   * A run of body bytes.
   *
   * @param base64 whether the bytes are base64 only, which can never contain a boundary (RFC 2046
   *     §5.1.1: our boundaries start with "=_", and base64 has '=' only as final padding)
   */
  record Piece(byte[] bytes, boolean base64) {
    static Piece ascii(String text) {
      return new Piece(text.getBytes(StandardCharsets.US_ASCII), false);
    }
  }

  /** The body size in bytes. */
  long bodySize() {
    long size = 0;
    for (Piece piece : body) {
      size += piece.bytes().length;
    }
    return size;
  }

  /** Whether {@code needle} occurs in the headers or a body piece that could hold it. */
  boolean contains(String needle) {
    if (headers.contains(needle)) {
      return true;
    }
    byte[] pattern = needle.getBytes(StandardCharsets.US_ASCII);
    for (Piece piece : body) {
      if (!piece.base64() && indexOf(piece.bytes(), pattern) >= 0) {
        return true;
      }
    }
    return false;
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
