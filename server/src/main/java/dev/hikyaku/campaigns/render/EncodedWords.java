package dev.hikyaku.campaigns.render;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Encodes header text as RFC 2047 B encoded-words. Each word is at most 75 characters (§2) and
 * holds whole characters only (§5 rule 3: no multibyte character split across words); in
 * ISO-2022-JP each word is a complete JIS sequence that starts and ends in ASCII (RFC 1468), so a
 * reader can decode every word alone.
 */
final class EncodedWords {

  /** The longest encoded-word RFC 2047 §2 allows. */
  static final int MAX_WORD = 75;

  private EncodedWords() {}

  /**
   * The encoded-words for {@code text}: the first at most {@code firstMax} characters long (so it
   * fits after the field name), the others at most {@link #MAX_WORD}.
   */
  static List<String> encode(String text, MessageCharset charset, int firstMax) {
    String prefix = "=?" + charset.mimeName() + "?B?";
    int overhead = prefix.length() + 2;
    String source = charset == MessageCharset.ISO_2022_JP ? Iso2022Jp.normalise(text) : text;
    List<String> words = new ArrayList<>();
    int max = Math.max(firstMax, overhead + 8);
    int i = 0;
    while (i < source.length()) {
      int budget = (max - overhead) / 4 * 3; // bytes whose base64 fits in the word
      int end =
          charset == MessageCharset.ISO_2022_JP
              ? jisChunkEnd(source, i, budget)
              : utf8ChunkEnd(source, i, budget);
      String chunk = source.substring(i, end);
      byte[] bytes =
          charset == MessageCharset.ISO_2022_JP
              ? Iso2022Jp.encode(chunk)
              : chunk.getBytes(StandardCharsets.UTF_8);
      words.add(prefix + Base64.getEncoder().encodeToString(bytes) + "?=");
      i = end;
      max = MAX_WORD;
    }
    return words;
  }

  /** The end of the longest run of whole code points from {@code start} within {@code budget}. */
  private static int utf8ChunkEnd(String s, int start, int budget) {
    int bytes = 0;
    int i = start;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (bytes + size > budget && i > start) {
        break;
      }
      bytes += size;
      i += Character.charCount(cp);
    }
    return i;
  }

  /** Like {@link #utf8ChunkEnd}, counting the escape sequences and the final return to ASCII. */
  private static int jisChunkEnd(String s, int start, int budget) {
    int bytes = 0;
    boolean jis = false;
    int i = start;
    while (i < s.length()) {
      char c = s.charAt(i);
      boolean ascii = Iso2022Jp.isAscii(c);
      int size = (ascii ? 1 : 2) + (ascii == !jis ? 0 : 3);
      int closing = ascii ? 0 : 3; // ESC ( B if the word ended here
      if (bytes + size + closing > budget && i > start) {
        break;
      }
      bytes += size;
      jis = !ascii;
      i++;
    }
    return i;
  }
}
