package dev.hikyaku.mailauth.results;

/**
 * Makes text that an attacker may control (signature tags, record text, From domains, SMTP
 * parameters) fit for our own Authentication-Results field, without ever throwing.
 *
 * <p>Control characters (C0, DEL, C1), line and paragraph separators and unpaired surrogates become
 * a space, since any of them could break the field or the line; runs of whitespace collapse to one
 * space and the ends are trimmed; the text is cut to a maximum length, ending in {@code "..."}
 * (ASCII, as header fields are, RFC 5322 §2.2). With values of at most {@link #MAX_VALUE} and
 * reasons of at most {@link #MAX_REASON} characters, even a quoted word without a space fits in a
 * line of 998 octets (RFC 5322 §2.1.1), at 3 UTF-8 octets per character at worst.
 */
final class UntrustedText {

  /** The longest property value we write, in characters. */
  static final int MAX_VALUE = 200;

  /** The longest reason we write, in characters. */
  static final int MAX_REASON = 300;

  private static final String CUT = "...";

  private UntrustedText() {}

  /** {@code text} as a property value: cleaned and at most {@link #MAX_VALUE} characters. */
  static String value(String text) {
    return clean(text, MAX_VALUE);
  }

  /** {@code text} as a reason: cleaned and at most {@link #MAX_REASON} characters. */
  static String reason(String text) {
    return clean(text, MAX_REASON);
  }

  static String clean(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max + 1));
    boolean pendingSpace = false;
    // Reading stops one character past the limit: enough to know the text was cut.
    for (int i = 0; i < text.length() && out.length() <= max; ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (isBlank(c)) {
        pendingSpace = out.length() > 0;
      } else {
        if (pendingSpace) {
          out.append(' ');
          pendingSpace = false;
        }
        out.appendCodePoint(c);
      }
    }
    if (out.length() <= max) {
      return out.toString();
    }
    int end = max - CUT.length();
    if (Character.isLowSurrogate(out.charAt(end))) {
      end--; // keep the pair whole
    }
    while (end > 0 && out.charAt(end - 1) == ' ') {
      end--;
    }
    return out.substring(0, end) + CUT;
  }

  private static boolean isBlank(int c) {
    return Character.isISOControl(c)
        || Character.isWhitespace(c)
        || Character.getType(c) == Character.SURROGATE;
  }
}
