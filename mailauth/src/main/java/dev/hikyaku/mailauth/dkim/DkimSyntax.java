package dev.hikyaku.mailauth.dkim;

import dev.hikyaku.mailauth.dns.DnsNames;

/** Small lexical rules shared by the signature and key record parsers. */
final class DkimSyntax {

  private DkimSyntax() {}

  /** Whitespace that folding may leave in a value: SP, HTAB, CR and LF (RFC 6376 §2.8 FWS). */
  static boolean isFws(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
  }

  /** {@code text} without leading and trailing FWS. */
  static String trimFws(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isFws(text.charAt(start))) {
      start++;
    }
    while (end > start && isFws(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** {@code text} without any FWS, as base64 values are read (RFC 6376 §3.5 b=, bh=). */
  static String removeFws(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!isFws(c)) {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** At most {@code max} characters of {@code text} for a reason, with "..." when cut. */
  static String shorten(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max) + "...";
  }

  /**
   * RFC 6376 §3.5 {@code d=}: {@code sub-domain 1*("." sub-domain)}, so at least two labels of
   * letters, digits and inner hyphens, and queryable (RFC 1035 length limits).
   */
  static boolean isDomainName(String name) {
    return name.indexOf('.') > 0 && isDottedLabels(name, false);
  }

  /**
   * RFC 6376 §3.1 selector: {@code sub-domain *("." sub-domain)}. Underscores are accepted as well,
   * since DNS allows them and some operators use them.
   */
  static boolean isSelector(String name) {
    return isDottedLabels(name, true);
  }

  /** RFC 5322 §3.6.8 field-name: printable ASCII except the colon. */
  static boolean isHeaderName(String name) {
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 33 || c > 126 || c == ':') {
        return false;
      }
    }
    return true;
  }

  private static boolean isDottedLabels(String name, boolean underscore) {
    if (!DnsNames.isQueryable(name) || name.endsWith(".")) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (label.isEmpty() || label.startsWith("-") || label.endsWith("-")) {
        return false;
      }
      for (int i = 0; i < label.length(); i++) {
        char c = label.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || (underscore && c == '_');
        if (!ok) {
          return false;
        }
      }
    }
    return true;
  }
}
