package dev.hikyaku.campaigns.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a paragraph to a width in display columns, a wide (East Asian) character counting two.
 * Latin text breaks only at spaces, so a word or URL longer than the width stays whole on its own
 * line; Japanese text may break between any two characters except where line-breaking rules (JIS X
 * 4051 kinsoku) forbid: not before closing punctuation or small kana, not after opening brackets,
 * and never inside a surrogate pair or before a combining mark.
 */
final class TextWrapper {

  /** Characters that may not start a line (行頭禁則). */
  private static final String NO_START =
      "、。，．・：；？！゛゜ヽヾゝゞ々〻ー―‐〜～…‥）］｝」』】〕〉》〙〗’”｠»"
          + "ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿ"
          + "!),.:;?]}%";

  /** Characters that may not end a line (行末禁則). */
  private static final String NO_END = "（［｛「『【〔〈《〘〖‘“｟«([{";

  private TextWrapper() {}

  /**
   * The lines of {@code text} wrapped to {@code width} columns, the first starting with {@code
   * firstPrefix} and the others with {@code restPrefix}.
   */
  static List<String> wrap(String text, int width, String firstPrefix, String restPrefix) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder(firstPrefix);
    int column = width(firstPrefix);
    boolean lineHasContent = false;
    int restWidth = width(restPrefix);
    for (Chunk chunk : chunks(text)) {
      int needed = (chunk.spaceBefore && lineHasContent ? 1 : 0) + chunk.width;
      if (lineHasContent && column + needed > width) {
        lines.add(stripEnd(line));
        line.setLength(0);
        line.append(restPrefix);
        column = restWidth;
        lineHasContent = false;
      }
      if (chunk.spaceBefore && lineHasContent) {
        line.append(' ');
        column++;
      }
      line.append(chunk.text);
      column += chunk.width;
      lineHasContent = true;
    }
    if (lineHasContent) {
      lines.add(stripEnd(line));
    }
    return lines;
  }

  /** The display width of {@code text}. */
  static int width(CharSequence text) {
    int width = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = Character.codePointAt(text, i);
      width += isWide(cp) ? 2 : 1;
      i += Character.charCount(cp);
    }
    return width;
  }

  /** Whether {@code cp} takes two columns (Unicode UAX #11 Wide and Fullwidth, roughly). */
  static boolean isWide(int cp) {
    return (cp >= 0x1100 && cp <= 0x115F)
        || (cp >= 0x2E80 && cp <= 0xA4CF && cp != 0x303F)
        || (cp >= 0xAC00 && cp <= 0xD7A3)
        || (cp >= 0xF900 && cp <= 0xFAFF)
        || (cp >= 0xFE30 && cp <= 0xFE4F)
        || (cp >= 0xFF00 && cp <= 0xFF60)
        || (cp >= 0xFFE0 && cp <= 0xFFE6)
        || (cp >= 0x1F300 && cp <= 0x1F64F)
        || (cp >= 0x1F900 && cp <= 0x1F9FF)
        || (cp >= 0x20000 && cp <= 0x3FFFD);
  }

  private record Chunk(String text, int width, boolean spaceBefore) {}

  /** Splits {@code text} at every break opportunity into pieces that must stay together. */
  private static List<Chunk> chunks(String text) {
    List<Chunk> chunks = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    int currentWidth = 0;
    boolean spaceBefore = false;
    int previous = -1;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == ' ') {
        if (!current.isEmpty()) {
          chunks.add(new Chunk(current.toString(), currentWidth, spaceBefore));
          current.setLength(0);
          currentWidth = 0;
        }
        spaceBefore = true;
        previous = -1;
        continue;
      }
      if (previous >= 0 && mayBreakBetween(previous, cp)) {
        chunks.add(new Chunk(current.toString(), currentWidth, spaceBefore));
        current.setLength(0);
        currentWidth = 0;
        spaceBefore = false;
      }
      current.appendCodePoint(cp);
      currentWidth += isWide(cp) ? 2 : 1;
      previous = cp;
    }
    if (!current.isEmpty()) {
      chunks.add(new Chunk(current.toString(), currentWidth, spaceBefore));
    }
    return chunks;
  }

  private static boolean mayBreakBetween(int before, int after) {
    if (!isWide(before) && !isWide(after)) {
      return false; // inside a Latin word or URL
    }
    return !joins(after)
        && before != 0x200D
        && NO_START.indexOf(after) < 0
        && NO_END.indexOf(before) < 0;
  }

  /** Marks that belong to their neighbour: combining marks, variation selectors, joiners. */
  private static boolean joins(int cp) {
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK
        || type == Character.ENCLOSING_MARK
        || type == Character.COMBINING_SPACING_MARK
        || cp == 0x200D
        || (cp >= 0xFE00 && cp <= 0xFE0F)
        || (cp >= 0xE0100 && cp <= 0xE01EF)
        || (cp >= 0x1F3FB && cp <= 0x1F3FF);
  }

  private static String stripEnd(StringBuilder line) {
    int end = line.length();
    while (end > 0 && line.charAt(end - 1) == ' ') {
      end--;
    }
    return line.substring(0, end);
  }
}
