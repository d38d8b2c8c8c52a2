package dev.hikyaku.diagnose;

/** Short, printable excerpts of text from a message or a log, for problems and findings. */
public final class Excerpt {

  private Excerpt() {}

  /**
   * At most {@code max} characters of {@code text}, control characters replaced by spaces and an
   * ellipsis where it was cut, so hostile text cannot forge lines in a report.
   */
  public static String of(String text, int max) {
    int end = Math.min(text.length(), max);
    if (end < text.length() && end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    StringBuilder out = new StringBuilder(end + 1);
    for (int i = 0; i < end; i++) {
      char c = text.charAt(i);
      out.append(Character.isISOControl(c) ? ' ' : c);
    }
    if (end < text.length()) {
      out.append('…');
    }
    return out.toString();
  }
}
