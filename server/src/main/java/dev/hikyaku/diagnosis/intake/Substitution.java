package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.diagnose.redaction.Redaction.Kind;
import dev.hikyaku.diagnose.redaction.Redaction.Replacement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Replaces, in any text, every original that the header redactor replaced with the same token, so
 * an address is the same token in the header block, the answers, the findings and the log traces.
 * Longer originals go first (a host before its domain); an address or a domain is replaced only as
 * a whole word, never inside a longer name.
 */
final class Substitution implements TextMapper {

  private final Pattern pattern;
  private final Map<String, Replacement> byOriginal = new HashMap<>();

  Substitution(List<Replacement> replacements) {
    List<Replacement> usable =
        replacements.stream()
            .filter(r -> r.original().strip().length() >= 2)
            .sorted(Comparator.comparingInt((Replacement r) -> r.original().length()).reversed())
            .toList();
    for (Replacement r : usable) {
      byOriginal.putIfAbsent(key(r.original()), r);
    }
    this.pattern =
        usable.isEmpty()
            ? null
            : Pattern.compile(
                usable.stream()
                    .map(r -> Pattern.quote(r.original()))
                    .distinct()
                    .collect(Collectors.joining("|")),
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  @Override
  public String apply(String text) {
    return replace(text, false);
  }

  /** Only the hosts (and IPs) of a Message-ID, as the header redactor does. */
  @Override
  public String messageId(String id) {
    return replace(id, true);
  }

  private String replace(String text, boolean hostsOnly) {
    if (pattern == null || text == null || text.isEmpty()) {
      return text;
    }
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int done = 0;
    int from = 0;
    while (from < text.length() && m.find(from)) {
      Replacement r = byOriginal.get(key(m.group()));
      if (r == null
          || hostsOnly && r.kind() != Kind.DOMAIN && r.kind() != Kind.IP_ADDRESS
          || !whole(text, m.start(), m.end(), r.kind())) {
        // A shorter original may still start inside this match (a host inside a Message-ID).
        from = m.start() + 1;
        continue;
      }
      out.append(text, done, m.start()).append(r.token());
      done = m.end();
      from = m.end();
    }
    return done == 0 ? text : out.append(text, done, text.length()).toString();
  }

  /** Whether the match stands alone: not part of a longer address, host name or number. */
  private static boolean whole(String text, int start, int end, Kind kind) {
    char before = start > 0 ? text.charAt(start - 1) : ' ';
    char after = end < text.length() ? text.charAt(end) : ' ';
    char afterNext = end + 1 < text.length() ? text.charAt(end + 1) : ' ';
    boolean continues = isNameChar(after) || after == '.' && Character.isLetterOrDigit(afterNext);
    return switch (kind) {
      case ADDRESS -> !isNameChar(before) && "._%+=".indexOf(before) < 0 && !continues;
      case DOMAIN -> !isNameChar(before) && !continues;
      case IP_ADDRESS ->
          Character.digit(before, 16) < 0
              && before != ':'
              && before != '.'
              && Character.digit(after, 16) < 0
              && after != ':'
              && !(after == '.' && Character.isDigit(afterNext));
      default -> true;
    };
  }

  private static boolean isNameChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '-' || c == '_');
  }

  private static String key(String original) {
    return original.toLowerCase(Locale.ROOT);
  }
}
