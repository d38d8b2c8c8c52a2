package dev.hikyaku.diagnose.bounce;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A delivery report field of the form {@code type; value} (RFC 3464 §2.1.2), such as {@code rfc822;
 * taro@example.jp} in Final-Recipient or {@code dns; mx.example.jp} in Remote-MTA.
 *
 * @param type the address or name type, lower case, such as {@code rfc822}, {@code utf-8} or {@code
 *     dns}
 * @param value the address or name; for address types without the angle brackets some MTAs add, and
 *     for {@code utf-8} with {@code \x{HEX}} escapes decoded (RFC 6533 §3)
 */
public record TypedValue(String type, String value) {

  /** Values longer than this are refused: an address is at most 254 octets (RFC 5321 §4.5.3.1). */
  public static final int MAX_LENGTH = 1000;

  public TypedValue {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(value, "value");
    type = type.strip().toLowerCase(Locale.ROOT);
    value = value.strip();
    if (!isToken(type)) {
      throw new IllegalArgumentException("a type is letters, digits and '-': " + type);
    }
    if (value.isEmpty() || value.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("a value is 1 to " + MAX_LENGTH + " characters");
    }
  }

  /** Reads {@code type; value}; empty when there is no type, no value, or either is malformed. */
  public static Optional<TypedValue> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    int semicolon = text.indexOf(';');
    if (semicolon < 0) {
      return Optional.empty();
    }
    String type = text.substring(0, semicolon).strip().toLowerCase(Locale.ROOT);
    return of(type, text.substring(semicolon + 1));
  }

  /**
   * A value of the given type from text without a type prefix, as broken MTAs write it; empty if
   * the type or the value is malformed.
   */
  static Optional<TypedValue> of(String type, String rawValue) {
    String value = rawValue.strip();
    if (type.equals("rfc822") || type.equals("utf-8")) {
      value = stripAngles(value);
    }
    if (type.equals("utf-8")) {
      value = decodeUnicodeEscapes(value);
    }
    if (!isToken(type) || value.isEmpty() || value.length() > MAX_LENGTH) {
      return Optional.empty();
    }
    return Optional.of(new TypedValue(type, value));
  }

  private static String stripAngles(String value) {
    if (value.length() >= 2 && value.charAt(0) == '<' && value.charAt(value.length() - 1) == '>') {
      return value.substring(1, value.length() - 1).strip();
    }
    return value;
  }

  /** RFC 6533 §3: a utf-8 address may carry {@code \x{HEXPOINT}} for any code point. */
  private static String decodeUnicodeEscapes(String value) {
    if (!value.contains("\\x{")) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    int i = 0;
    while (i < value.length()) {
      int close = value.startsWith("\\x{", i) ? value.indexOf('}', i + 3) : -1;
      int codePoint = close > i + 3 && close <= i + 9 ? hex(value, i + 3, close) : -1;
      if (codePoint >= 0 && Character.isValidCodePoint(codePoint)) {
        out.appendCodePoint(codePoint);
        i = close + 1;
      } else {
        out.append(value.charAt(i++));
      }
    }
    return out.toString();
  }

  private static int hex(String text, int from, int to) {
    int value = 0;
    for (int i = from; i < to; i++) {
      int digit = Character.digit(text.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static boolean isToken(String text) {
    if (text.isEmpty() || text.length() > 40) {
      return false;
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.')) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return type + "; " + value;
  }
}
