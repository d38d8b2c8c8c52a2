package dev.hikyaku.diagnose.logs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * The {@code key=value} section of a Postfix log message, in log order, with the text it was read
 * from, as in {@code to=<a@example.com>, relay=mx[192.0.2.1]:25, delay=3.6} or {@code
 * from=<a@example.com> to=<b@example.net> proto=ESMTP helo=<mx.example.com>}.
 *
 * <p>Values keep their angle brackets; {@link #address} takes them off.
 *
 * @param raw the section as logged, without a trailing separator
 * @param values each key's value as logged
 */
public record Attributes(String raw, SequencedMap<String, String> values) {

  /** No attributes at all. */
  public static final Attributes NONE = new Attributes("", new LinkedHashMap<>());

  public Attributes {
    Objects.requireNonNull(raw, "raw");
    values = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(values));
  }

  /** A value as logged. */
  public Optional<String> get(String key) {
    return Optional.ofNullable(values.get(key));
  }

  /** A value without its angle brackets: {@code from=<>} gives the empty string. */
  public Optional<String> address(String key) {
    return get(key).map(Attributes::unbracket);
  }

  static String unbracket(String value) {
    return value.length() >= 2 && value.charAt(0) == '<' && value.endsWith(">")
        ? value.substring(1, value.length() - 1)
        : value;
  }

  /**
   * What {@link #scan} read: the attributes, where their text ends and where the text after them
   * starts.
   */
  record Scan(Attributes attributes, int end, int next) {}

  /**
   * Reads {@code key=value} pairs from {@code start}, separated by a comma, a space or both, until
   * something that is not a pair or the key {@code stopKey} (which is not read). A value is either
   * {@code <...>} or runs to the next comma or space.
   */
  static Scan scan(String text, int start, String stopKey) {
    SequencedMap<String, String> values = new LinkedHashMap<>();
    int position = start;
    int end = start;
    int next = start;
    while (position < text.length()) {
      int keyEnd = position;
      while (keyEnd < text.length() && isKeyChar(text.charAt(keyEnd))) {
        keyEnd++;
      }
      if (keyEnd == position || keyEnd >= text.length() || text.charAt(keyEnd) != '=') {
        break;
      }
      String key = text.substring(position, keyEnd);
      if (key.equals(stopKey)) {
        break;
      }
      int valueStart = keyEnd + 1;
      int valueEnd;
      if (valueStart < text.length() && text.charAt(valueStart) == '<') {
        int close = text.indexOf('>', valueStart);
        if (close < 0) {
          break;
        }
        valueEnd = close + 1;
      } else {
        valueEnd = valueStart;
        while (valueEnd < text.length() && !isValueEnd(text.charAt(valueEnd))) {
          valueEnd++;
        }
      }
      values.put(key, text.substring(valueStart, valueEnd));
      end = valueEnd;
      position = valueEnd;
      if (text.startsWith(", ", position)) {
        position += 2;
      } else if (position < text.length()
          && (text.charAt(position) == ' ' || text.charAt(position) == ',')) {
        position++;
      }
      next = position;
      if (position == valueEnd) {
        break;
      }
    }
    return new Scan(new Attributes(text.substring(start, end), values), end, Math.max(next, end));
  }

  private static boolean isKeyChar(char c) {
    return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '-';
  }

  private static boolean isValueEnd(char c) {
    return c == ',' || c == ' ' || c == ';';
  }
}
