package dev.hikyaku.diagnose.redaction;

import dev.hikyaku.diagnose.redaction.Redaction.Kind;
import java.util.List;

/**
 * Finds email addresses, display names and message-id local parts in one field value. Every loop
 * moves forward and every look-ahead is bounded, so the work is linear in the value's length.
 */
final class AddressScanner {

  /** How a field's syntax shapes what counts as an address. */
  enum Mode {
    /** From, To and the like: display names and comments are names; '=' may be in a local part. */
    ADDRESS_LIST,
    /** DKIM-Signature, Authentication-Results: '=' separates a tag from its value. */
    TAG_LIST,
    /** Message-ID and its kin: the left side of {@code <left@right>} is an id, not a mailbox. */
    MESSAGE_ID,
    /** Received and everything else: any address anywhere. */
    ANY
  }

  /** RFC 5321 §4.5.3.1.1: a local part is at most 64 octets; a quoted one longer is not taken. */
  private static final int MAX_QUOTED = 66;

  private static final int MAX_LITERAL = 64;

  private AddressScanner() {}

  /** Adds the addresses (or message-id parts) in {@code text[from, to)} to {@code out}. */
  static void addresses(String text, int from, int to, Mode mode, List<Candidate> out) {
    int runStart = -1;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      if (c == '"') {
        int close = closingQuote(text, i, Math.min(to, i + MAX_QUOTED));
        if (close > 0 && close + 1 < to && text.charAt(close + 1) == '@') {
          runStart = i;
          i = close + 1;
          continue;
        }
        runStart = -1;
        i++;
      } else if (c == '@') {
        int domainEnd = domainEnd(text, i + 1, to);
        int localStart = runStart < 0 ? i : runStart;
        while (localStart < i && text.charAt(localStart) == '.') {
          localStart++;
        }
        if (domainEnd > i + 1) {
          add(text, localStart, i, domainEnd, mode, out);
          i = domainEnd;
        } else {
          i++;
        }
        runStart = -1;
      } else if (isLocalChar(c, mode)) {
        if (runStart < 0) {
          runStart = i;
        }
        i++;
      } else {
        runStart = -1;
        i++;
      }
    }
  }

  private static void add(String text, int start, int at, int end, Mode mode, List<Candidate> out) {
    if (mode == Mode.MESSAGE_ID) {
      if (at > start) {
        out.add(new Candidate(start, at, Kind.MESSAGE_ID, text.substring(start, at)));
      }
    } else if (at > start) {
      out.add(new Candidate(start, end, Kind.ADDRESS, text.substring(start, end)));
    }
  }

  /**
   * Adds display names, and comments after an address, in an address list (RFC 5322 §3.4). A phrase
   * before {@code <} is a name; a group name before {@code :} is left alone.
   */
  static void names(String text, int from, int to, List<Candidate> out) {
    int segment = from;
    int i = from;
    while (i < to) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> {
          int close = closingQuote(text, i, to);
          i = close < 0 ? to : close + 1;
        }
        case '(' -> {
          int close = closingParen(text, i, to);
          int end = close < 0 ? to : close;
          addTrimmed(text, i + 1, end, out);
          i = close < 0 ? to : close + 1;
        }
        case '<' -> {
          addTrimmed(text, segment, i, out);
          int close = text.indexOf('>', i);
          i = close < 0 || close >= to ? to : close + 1;
          segment = i;
        }
        case ',', ':', ';' -> {
          i++;
          segment = i;
        }
        default -> i++;
      }
    }
  }

  private static void addTrimmed(String text, int from, int to, List<Candidate> out) {
    int s = from;
    int e = to;
    while (s < e && Character.isWhitespace(text.charAt(s))) {
      s++;
    }
    while (e > s && Character.isWhitespace(text.charAt(e - 1))) {
      e--;
    }
    if (e > s && !(e - s == 2 && text.startsWith("\"\"", s))) {
      out.add(new Candidate(s, e, Kind.NAME, text.substring(s, e)));
    }
  }

  /** The index of the quote closing the one at {@code open}, honouring backslashes, or -1. */
  private static int closingQuote(String text, int open, int limit) {
    for (int i = open + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i;
      }
    }
    return -1;
  }

  /** The index of the parenthesis closing the one at {@code open}; comments nest (§3.2.2). */
  private static int closingParen(String text, int open, int limit) {
    int depth = 0;
    for (int i = open; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The end of the domain starting at {@code from}: a dotted name or a bracketed literal. */
  private static int domainEnd(String text, int from, int to) {
    if (from < to && text.charAt(from) == '[') {
      int limit = Math.min(to, from + MAX_LITERAL);
      for (int i = from + 2; i < limit; i++) {
        if (text.charAt(i) == ']') {
          return i + 1;
        }
      }
      return from;
    }
    int i = from;
    while (i < to && HostScanner.isHostChar(text.charAt(i))) {
      i++;
    }
    while (i > from && (text.charAt(i - 1) == '.' || text.charAt(i - 1) == '-')) {
      i--;
    }
    return i;
  }

  private static boolean isLocalChar(char c, Mode mode) {
    if (c == '=') {
      return mode != Mode.TAG_LIST;
    }
    return Character.isLetterOrDigit(c) || c == '.' || "!#$%&'*+-/?^_`{|}~".indexOf(c) >= 0;
  }
}
