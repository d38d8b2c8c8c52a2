package dev.hikyaku.approval.checks;

import java.util.Map;

/**
 * Decodes HTML character references: numeric ({@code &#46;}, {@code &#x2E;}) and the named ones
 * mail HTML uses. A link text written {@code www&#46;bank&#46;example} shows a domain all the same;
 * an unknown name is left as it is.
 */
final class HtmlEntities {

  private static final Map<String, String> NAMED =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", "\u00A0"),
          Map.entry("period", "."),
          Map.entry("colon", ":"),
          Map.entry("sol", "/"),
          Map.entry("commat", "@"),
          Map.entry("hyphen", "-"),
          Map.entry("dash", "-"),
          Map.entry("copy", "©"),
          Map.entry("reg", "®"),
          Map.entry("yen", "¥"),
          Map.entry("hellip", "…"),
          Map.entry("mdash", "—"),
          Map.entry("ndash", "–"),
          Map.entry("middot", "·"),
          Map.entry("times", "×"),
          Map.entry("laquo", "«"),
          Map.entry("raquo", "»"),
          Map.entry("zwj", "\u200D"),
          Map.entry("zwnj", "\u200C"));

  private HtmlEntities() {}

  static String decode(String text) {
    if (text.indexOf('&') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      int semicolon = c == '&' ? text.indexOf(';', i + 1) : -1;
      if (semicolon < 0 || semicolon - i > 12) {
        out.append(c);
        i++;
        continue;
      }
      String name = text.substring(i + 1, semicolon);
      String decoded = name.startsWith("#") ? numeric(name.substring(1)) : NAMED.get(name);
      if (decoded == null) {
        out.append(c);
        i++;
      } else {
        out.append(decoded);
        i = semicolon + 1;
      }
    }
    return out.toString();
  }

  private static String numeric(String digits) {
    try {
      int cp =
          digits.startsWith("x") || digits.startsWith("X")
              ? Integer.parseInt(digits.substring(1), 16)
              : Integer.parseInt(digits);
      return Character.isValidCodePoint(cp) && cp != 0 ? Character.toString(cp) : "\uFFFD";
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
