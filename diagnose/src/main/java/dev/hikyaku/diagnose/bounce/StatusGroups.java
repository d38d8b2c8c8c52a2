package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.mailauth.message.HeaderBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The groups of fields in the body of a message/delivery-status part: the per-message fields, then
 * one group per recipient, separated by blank lines (RFC 3464 §2.1). Fields are folded and unfolded
 * as in a message header (§2.1.1, RFC 5322 §2.2.3).
 */
final class StatusGroups {

  /** Fields kept per group; a real group has about ten. */
  static final int MAX_FIELDS = 64;

  /** A value is cut here; the longest real value, a diagnostic with a URL, is under 1 000. */
  static final int MAX_VALUE = 4_000;

  /** One group of fields. */
  record Group(List<HeaderBlock.Field> fields) {

    /** The first value of field {@code name} (any case), stripped. */
    Optional<String> value(String name) {
      for (HeaderBlock.Field field : fields) {
        if (field.name().equalsIgnoreCase(name)) {
          return Optional.of(field.value().strip());
        }
      }
      return Optional.empty();
    }

    boolean has(String name) {
      return value(name).isPresent();
    }
  }

  /**
   * The groups read, and what did not fit.
   *
   * @param groups the groups, in order, at most the limit asked for
   * @param moreGroups groups past the limit, counted but not kept
   * @param strayLines lines that were neither a field nor a continuation
   */
  record Parsed(List<Group> groups, int moreGroups, int strayLines) {}

  private StatusGroups() {}

  /**
   * Reads the groups in {@code text}. With {@code stopAtBoundary}, reading ends at the first line
   * that starts with {@code --}, for text salvaged from a multipart whose boundary is unknown.
   */
  static Parsed parse(String text, int maxGroups, boolean stopAtBoundary) {
    List<Group> groups = new ArrayList<>();
    List<HeaderBlock.Field> current = new ArrayList<>();
    StringBuilder value = null;
    String name = null;
    int more = 0;
    int stray = 0;
    for (String raw : text.split("\n", -1)) {
      String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      if (stopAtBoundary && line.startsWith("--")) {
        break;
      }
      boolean continuation = !line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t');
      if (continuation && !line.isBlank()) {
        if (value != null) {
          append(value, line);
        } else {
          stray++;
        }
        continue;
      }
      if (name != null) {
        add(current, name, value);
        name = null;
        value = null;
      }
      if (line.isBlank()) {
        if (!current.isEmpty()) {
          if (groups.size() < maxGroups) {
            groups.add(new Group(List.copyOf(current)));
          } else {
            more++;
          }
          current.clear();
        }
        continue;
      }
      int colon = line.indexOf(':');
      if (colon > 0 && isFieldName(line, colon)) {
        name = line.substring(0, colon).strip();
        value = new StringBuilder();
        append(value, line.substring(colon + 1));
      } else {
        stray++;
      }
    }
    if (name != null) {
      add(current, name, value);
    }
    if (!current.isEmpty()) {
      if (groups.size() < maxGroups) {
        groups.add(new Group(List.copyOf(current)));
      } else {
        more++;
      }
    }
    return new Parsed(List.copyOf(groups), more, stray);
  }

  private static void append(StringBuilder value, String text) {
    int room = MAX_VALUE - value.length();
    if (room > 0) {
      value.append(text, 0, Math.min(text.length(), room));
    }
  }

  private static void add(List<HeaderBlock.Field> fields, String name, StringBuilder value) {
    if (fields.size() < MAX_FIELDS) {
      fields.add(new HeaderBlock.Field(name, value.toString().strip()));
    }
  }

  /** RFC 5322 §3.6.8: printable US-ASCII but ':'; SP before the colon tolerated (obsolete form). */
  private static boolean isFieldName(String line, int colon) {
    String name = line.substring(0, colon).strip();
    if (name.isEmpty()) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c <= 32 || c >= 127) {
        return false;
      }
    }
    return true;
  }
}
