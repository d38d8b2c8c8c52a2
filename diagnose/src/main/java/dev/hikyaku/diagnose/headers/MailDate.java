package dev.hikyaku.diagnose.headers;

import java.util.ArrayList;
import java.util.List;

/**
 * A lenient reader of RFC 5322 date-times, as found in Date and Received fields.
 *
 * <p>It accepts the strict §3.3 form and the obsolete §4.3 forms (two- and three-digit years, named
 * zones such as {@code GMT} or {@code EST}, military zones), and forms seen in real mail: {@code
 * JST} and other common zone names, a missing day name or seconds, extra spaces, comments such as
 * {@code +0900 (JST)}, month before day ({@code Nov 23 10:00:00 2026}), a missing zone (UTC
 * assumed) and fractional seconds. It never throws: text it cannot read gives {@link
 * DateParse.Invalid} with the reason. It works in one pass without regular expressions.
 */
public final class MailDate {

  /** Longer text is refused unread; a real date-time with a comment is under 80 characters. */
  public static final int MAX_LENGTH = 512;

  private static final int MAX_TOKENS = 12;

  private MailDate() {}

  /** Reads {@code text} as a date-time; never throws. */
  public static DateParse parse(String text) {
    if (text == null || text.isBlank()) {
      return new DateParse.Invalid("no date");
    }
    if (text.length() > MAX_LENGTH) {
      return new DateParse.Invalid("longer than " + MAX_LENGTH + " characters");
    }
    List<String> notes = new ArrayList<>();
    List<String> tokens = tokens(stripComments(text, notes));
    if (tokens.size() > MAX_TOKENS) {
      return new DateParse.Invalid("too many words for a date");
    }
    DateFields parts = new DateFields(notes);
    for (String token : tokens) {
      String problem = parts.take(token);
      if (problem != null) {
        return new DateParse.Invalid(problem);
      }
    }
    return parts.complete();
  }

  /** Removes comments, nested or not (RFC 5322 §3.2.2); a comment left open runs to the end. */
  private static String stripComments(String text, List<String> notes) {
    StringBuilder out = new StringBuilder(text.length());
    int depth = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (depth > 0 && c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && depth > 0) {
        depth--;
        out.append(' ');
      } else if (depth == 0) {
        out.append(c);
      }
    }
    if (depth > 0) {
      notes.add("unclosed comment");
    }
    return out.toString();
  }

  /** Splits at white space and commas (the comma after the day name is optional here). */
  private static List<String> tokens(String text) {
    List<String> tokens = new ArrayList<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean separator = i == text.length() || isSeparator(text.charAt(i));
      if (separator && start >= 0) {
        tokens.add(text.substring(start, i));
        start = -1;
        if (tokens.size() > MAX_TOKENS) {
          break;
        }
      } else if (!separator && start < 0) {
        start = i;
      }
    }
    return tokens;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == ',';
  }
}
