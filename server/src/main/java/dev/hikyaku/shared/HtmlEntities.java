package dev.hikyaku.shared;

import java.util.Map;

/**
 * Decodes HTML character references: numeric ones ({@code &#26085;}, {@code &#x65E5;}) and the
 * named ones that newsletters use. An unknown name stays as written; a numeric reference to no
 * character (zero, a surrogate, beyond U+10FFFF) becomes U+FFFD, as HTML §13.2.5.80 says. Used to
 * render a text part from HTML and to see what a link's text shows (a link text written {@code
 * www&#46;bank&#46;example} shows a domain all the same).
 */
public final class HtmlEntities {

  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", "\u00a0"),
          Map.entry("ensp", "\u2002"),
          Map.entry("emsp", "\u2003"),
          Map.entry("thinsp", "\u2009"),
          Map.entry("shy", ""),
          Map.entry("zwj", "\u200d"),
          Map.entry("zwnj", "\u200c"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("trade", "™"),
          Map.entry("hellip", "…"),
          Map.entry("mdash", "—"),
          Map.entry("ndash", "–"),
          Map.entry("lsquo", "‘"),
          Map.entry("rsquo", "’"),
          Map.entry("ldquo", "“"),
          Map.entry("rdquo", "”"),
          Map.entry("laquo", "«"),
          Map.entry("raquo", "»"),
          Map.entry("bull", "•"),
          Map.entry("middot", "·"),
          Map.entry("yen", "¥"),
          Map.entry("euro", "€"),
          Map.entry("pound", "£"),
          Map.entry("cent", "¢"),
          Map.entry("times", "×"),
          Map.entry("divide", "÷"),
          Map.entry("deg", "°"),
          Map.entry("plusmn", "±"),
          Map.entry("sect", "§"),
          Map.entry("para", "¶"),
          Map.entry("larr", "←"),
          Map.entry("rarr", "→"),
          Map.entry("uarr", "↑"),
          Map.entry("darr", "↓"),
          Map.entry("hearts", "♥"),
          Map.entry("star", "☆"),
          Map.entry("period", "."),
          Map.entry("colon", ":"),
          Map.entry("sol", "/"),
          Map.entry("commat", "@"),
          Map.entry("hyphen", "-"),
          Map.entry("dash", "-"));

  private static final int LONGEST_NAME = 8;

  private HtmlEntities() {}

  /** {@code text} with its character references decoded. */
  public static String decode(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    out.append(text, 0, amp);
    int i = amp;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c != '&') {
        out.append(c);
        i++;
        continue;
      }
      int semicolon = semicolonNear(text, i + 1);
      int consumed = semicolon < 0 ? -1 : reference(text.substring(i + 1, semicolon), out);
      if (consumed < 0) {
        out.append('&');
        i++;
      } else {
        i = semicolon + 1;
      }
    }
    return out.toString();
  }

  /**
   * The index of a ';' close enough to end a reference, so that a text of lone '&' stays linear.
   */
  private static int semicolonNear(String text, int from) {
    int limit = Math.min(text.length(), from + 16);
    for (int i = from; i < limit; i++) {
      if (text.charAt(i) == ';') {
        return i;
      }
    }
    return -1;
  }

  /** Appends the character {@code body} (between & and ;) names; -1 if it names none. */
  private static int reference(String body, StringBuilder out) {
    if (body.length() > 1 && body.charAt(0) == '#') {
      boolean hex = body.charAt(1) == 'x' || body.charAt(1) == 'X';
      String digits = body.substring(hex ? 2 : 1);
      if (digits.isEmpty() || digits.length() > 8) {
        return digits.isEmpty() ? -1 : append(0xFFFD, out);
      }
      try {
        return append(Integer.parseInt(digits, hex ? 16 : 10), out);
      } catch (NumberFormatException e) {
        return -1; // not a number: the text stays as written
      }
    }
    if (body.length() > LONGEST_NAME) {
      return -1;
    }
    String named = NAMED.get(body);
    if (named == null) {
      return -1;
    }
    out.append(named);
    return 1;
  }

  private static int append(int codePoint, StringBuilder out) {
    boolean valid =
        codePoint > 0
            && codePoint <= Character.MAX_CODE_POINT
            && !(codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE);
    out.appendCodePoint(valid ? codePoint : 0xFFFD);
    return 1;
  }
}
