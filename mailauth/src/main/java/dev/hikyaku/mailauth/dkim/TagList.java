package dev.hikyaku.mailauth.dkim;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tag=value list (RFC 6376 §3.2), as used by DKIM-Signature fields and key records. Tag names are
 * case-sensitive; values are kept as written without their surrounding whitespace; the order of the
 * tags is kept (a key record's {@code v=} must come first).
 */
record TagList(Map<String, String> tags) {

  TagList {
    tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags));
  }

  /**
   * Parses {@code text}; never throws. Invalid are: a tag-spec without "=", a bad tag name, a
   * control character in a value, an empty tag-spec other than after the final ";", and a tag that
   * occurs twice (RFC 6376 §3.2: "the entire tag-list is invalid").
   */
  static ParseResult<TagList> parse(String text) {
    Map<String, String> tags = new LinkedHashMap<>();
    List<String> specs = List.of(text.split(";", -1));
    for (int i = 0; i < specs.size(); i++) {
      String spec = specs.get(i);
      if (DkimSyntax.trimFws(spec).isEmpty()) {
        // RFC 6376 §3.2: tag-list = tag-spec *( ";" tag-spec ) [ ";" ]: only a trailing one.
        if (i == specs.size() - 1) {
          continue;
        }
        return ParseResult.invalid("empty tag in tag list");
      }
      int equals = spec.indexOf('=');
      if (equals < 0) {
        return ParseResult.invalid(
            "tag without '=': " + DkimSyntax.shorten(DkimSyntax.trimFws(spec), 40));
      }
      String name = DkimSyntax.trimFws(spec.substring(0, equals));
      if (!isTagName(name)) {
        return ParseResult.invalid("bad tag name: '" + DkimSyntax.shorten(name, 40) + "'");
      }
      String value = DkimSyntax.trimFws(spec.substring(equals + 1));
      for (int c = 0; c < value.length(); c++) {
        char ch = value.charAt(c);
        if ((ch < 0x20 && !DkimSyntax.isFws(ch)) || ch == 0x7f) {
          return ParseResult.invalid("control character in tag " + name + "=");
        }
      }
      if (tags.putIfAbsent(name, value) != null) {
        return ParseResult.invalid("duplicate tag " + name + "=");
      }
    }
    return ParseResult.valid(new TagList(tags));
  }

  /** The value of tag {@code name}, if present. */
  Optional<String> get(String name) {
    return Optional.ofNullable(tags.get(name));
  }

  /** The value of tag {@code name}, or {@code fallback} when absent. */
  String get(String name, String fallback) {
    return tags.getOrDefault(name, fallback);
  }

  /** Whether tag {@code name} is present. */
  boolean has(String name) {
    return tags.containsKey(name);
  }

  /** The name of the first tag, or empty for an empty list. */
  Optional<String> firstName() {
    return tags.keySet().stream().findFirst();
  }

  /** RFC 6376 §3.2: tag-name = ALPHA *ALNUMPUNC, ALNUMPUNC = ALPHA / DIGIT / "_". */
  private static boolean isTagName(String name) {
    if (name.isEmpty() || !isAlpha(name.charAt(0))) {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!isAlpha(c) && !(c >= '0' && c <= '9') && c != '_') {
        return false;
      }
    }
    return true;
  }

  private static boolean isAlpha(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}
