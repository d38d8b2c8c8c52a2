package dev.hikyaku.mailauth.results;

import java.util.regex.Pattern;

/** Character classes and quoting of RFC 8601 §2.2, RFC 2045 §5.1 and RFC 5322 §3.2. */
final class Syntax {

  /**
   * RFC 8601 Keyword is an Ldh-str; underscores are accepted too because deployed receivers use
   * them in property names (Fastmail's {@code policy.is_org}).
   */
  static final Pattern KEYWORD = Pattern.compile("[A-Za-z0-9_-]+");

  // RFC 2045 §5.1 tspecials.
  private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";
  // RFC 5322 §3.2.3 atext, besides letters and digits.
  private static final String ATEXT_SYMBOLS = "!#$%&'*+-/=?^_`{|}~";

  private Syntax() {}

  static boolean isKeyword(String text) {
    return KEYWORD.matcher(text).matches();
  }

  static boolean isKeywordChar(char c) {
    return c >= 'a' && c <= 'z'
        || c >= 'A' && c <= 'Z'
        || c >= '0' && c <= '9'
        || c == '-'
        || c == '_';
  }

  /** RFC 2045 token: one or more US-ASCII printable characters except tspecials. */
  static boolean isToken(String text) {
    if (text.isEmpty()) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      if (!isTokenChar(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static boolean isTokenChar(char c) {
    return c > 0x20 && c < 0x7f && TSPECIALS.indexOf(c) < 0;
  }

  /** {@code [local-part] "@" domain-name} with a dot-atom local-part: written unquoted. */
  static boolean isAddressForm(String text) {
    int at = text.lastIndexOf('@');
    if (at < 0) {
      return false;
    }
    String local = text.substring(0, at);
    return (local.isEmpty() || isDotAtom(local)) && isDomainName(text.substring(at + 1));
  }

  static boolean isDotAtom(String text) {
    if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c == '.'
          || c >= 'a' && c <= 'z'
          || c >= 'A' && c <= 'Z'
          || c >= '0' && c <= '9'
          || ATEXT_SYMBOLS.indexOf(c) >= 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDomainName(String text) {
    if (text.isEmpty() || text.startsWith(".") || text.endsWith(".") || text.contains("..")) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c == '.' || isKeywordChar(c))) {
        return false;
      }
    }
    return true;
  }

  /** Whether {@code text} holds a control character other than HTAB (header injection guard). */
  static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t') || c == 0x7f) {
        return true;
      }
    }
    return false;
  }

  /** An RFC 5322 quoted-string holding {@code text}. */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append('"').toString();
  }

  /** An RFC 5322 comment holding {@code text}. */
  static String comment(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('(');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '(' || c == ')' || c == '\\') {
        out.append('\\');
      }
      out.append(c);
    }
    return out.append(')').toString();
  }

  /** A value as RFC 8601 §2.2 value: a token as it is, anything else quoted. */
  static String value(String text) {
    return isToken(text) ? text : quote(text);
  }

  /** A value as RFC 8601 §2.2 pvalue: a token or an address form as it is, else quoted. */
  static String pvalue(String text) {
    return isToken(text) || isAddressForm(text) ? text : quote(text);
  }
}
