package dev.hikyaku.diagnose.encoding;

import java.util.Objects;

/**
 * What a part's text probably says: its start read with the charset it is most likely in, so a
 * support person can read a mojibake'd message.
 *
 * @param charset the charset the text was read with, such as {@code windows-31j}
 * @param text the first characters, white space collapsed and control characters removed
 */
public record Preview(String charset, String text) {

  /** At most this many characters of a part are previewed. */
  public static final int MAX_CHARACTERS = 200;

  public Preview {
    Objects.requireNonNull(charset, "charset");
    Objects.requireNonNull(text, "text");
    if (text.codePointCount(0, text.length()) > MAX_CHARACTERS + 1) {
      throw new IllegalArgumentException("a preview is at most " + MAX_CHARACTERS + " characters");
    }
  }
}
