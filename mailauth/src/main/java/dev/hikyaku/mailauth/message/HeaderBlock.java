package dev.hikyaku.mailauth.message;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The header fields of a message (RFC 5322 §2.2), unfolded, for reading values such as From; bytes
 * are read as UTF-8 (RFC 6532) with invalid sequences replaced. Reading stops at the first empty
 * line or after {@code maxBytes}; lines that are not fields are skipped.
 */
public final class HeaderBlock {

  /** One field: its name as written and its unfolded value without the leading space. */
  public record Field(String name, String value) {}

  private final List<Field> fields;

  private HeaderBlock(List<Field> fields) {
    this.fields = List.copyOf(fields);
  }

  /** Reads the header block at the start of {@code message}. */
  public static HeaderBlock read(byte[] message, int maxBytes) {
    int end = Math.min(message.length, maxBytes);
    int blank = end;
    for (int i = 0; i < end; i++) {
      if (message[i] == '\n'
          && (i + 1 < end && message[i + 1] == '\n'
              || i + 2 < end && message[i + 1] == '\r' && message[i + 2] == '\n')) {
        blank = i + 1;
        break;
      }
    }
    String text = new String(message, 0, blank, StandardCharsets.UTF_8);
    List<Field> fields = new ArrayList<>();
    StringBuilder current = null;
    for (String line : text.split("\r?\n", -1)) {
      if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t')) {
        if (current != null) {
          current.append(line); // RFC 5322 §2.2.3: unfolding removes only the line break
        }
        continue;
      }
      add(fields, current);
      current = line.indexOf(':') > 0 ? new StringBuilder(line) : null;
    }
    add(fields, current);
    return new HeaderBlock(fields);
  }

  private static void add(List<Field> fields, StringBuilder raw) {
    if (raw == null) {
      return;
    }
    int colon = raw.indexOf(":");
    // RFC 5322 §3.6.8: a field name is printable US-ASCII but ':'; only the obsolete syntax's
    // SP/HTAB before the colon is tolerated, as DKIM's parser does, so both read the same fields.
    String name = trimWsp(raw.substring(0, colon));
    if (!name.isEmpty() && name.chars().allMatch(c -> c > 32 && c < 127)) {
      fields.add(new Field(name, trimWsp(raw.substring(colon + 1))));
    }
  }

  private static String trimWsp(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isWsp(text.charAt(start))) {
      start++;
    }
    while (end > start && isWsp(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  private static boolean isWsp(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /** All fields, in order. */
  public List<Field> fields() {
    return fields;
  }

  /** The values of the fields named {@code name} (any case), in order. */
  public List<String> values(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return fields.stream()
        .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(lower))
        .map(Field::value)
        .toList();
  }
}
