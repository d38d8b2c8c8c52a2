package dev.hikyaku.campaigns.render;

import java.util.Locale;
import java.util.Set;

/**
 * Decides whether a field value may be a link target. Only {@code http}, {@code https}, {@code
 * mailto} and {@code tel} URLs and relative references pass; {@code javascript:}, {@code data:},
 * {@code vbscript:} and every other scheme are refused, since mail clients and web views may run or
 * load them.
 */
final class SafeUrls {

  private static final Set<String> ALLOWED_SCHEMES = Set.of("http", "https", "mailto", "tel");

  private SafeUrls() {}

  /**
   * The value as browsers will read it, or null if it is refused. Browsers drop tab, CR and LF
   * anywhere in a URL and strip C0 controls and spaces at its ends (WHATWG URL §4.4), so {@code
   * "java\tscript:"} is {@code javascript:}; the check looks at the same text.
   */
  static String cleanOrNull(String value) {
    StringBuilder cleaned = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c != '\t' && c != '\n' && c != '\r') {
        cleaned.append(c);
      }
    }
    String url = strip(cleaned);
    for (int i = 0; i < url.length(); i++) {
      char c = url.charAt(i);
      if (c == '/' || c == '?' || c == '#') {
        return url; // relative reference: no scheme
      }
      if (c == ':') {
        String scheme = url.substring(0, i).toLowerCase(Locale.ROOT);
        return ALLOWED_SCHEMES.contains(scheme) ? url : null;
      }
    }
    return url;
  }

  private static String strip(CharSequence s) {
    int start = 0;
    int end = s.length();
    while (start < end && s.charAt(start) <= ' ') {
      start++;
    }
    while (end > start && s.charAt(end - 1) <= ' ') {
      end--;
    }
    return s.subSequence(start, end).toString();
  }
}
