package dev.hikyaku.diagnose.bounce;

import dev.hikyaku.diagnose.logs.Dsn;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds SMTP reply codes and enhanced status codes in free diagnostic text. */
final class SmtpText {

  /**
   * Only the start of a long text is searched, so a huge diagnostic costs no more than a short one.
   */
  static final int SEARCH_WINDOW = 2_000;

  // RFC 3463 §2: class.subject.detail. The syntax allows a 3-digit subject, but the registered
  // subjects are 0 to 7; in free text a wider one is far more likely a version ("Exim 4.97.1").
  // Not part of a longer dotted number (an IP address), which the look-arounds exclude.
  private static final Pattern ENHANCED =
      Pattern.compile("(?<![\\w.])([245])\\.([0-7])\\.(\\d{1,3})(?!\\d|\\.\\d)");

  // RFC 5321 §4.2: a three-digit reply code followed by SP or '-' (continuation), not inside a
  // longer number.
  private static final Pattern REPLY = Pattern.compile("(?<![\\w.])([245]\\d\\d)(?=[ -]|$)");

  private SmtpText() {}

  /** The first enhanced status code in {@code text}, such as {@code 5.1.1} in {@code (#5.1.1)}. */
  static Optional<Dsn> enhancedStatus(String text) {
    Matcher m = ENHANCED.matcher(window(text));
    while (m.find()) {
      Optional<Dsn> dsn = Dsn.parse(m.group());
      if (dsn.isPresent()) {
        return dsn;
      }
    }
    return Optional.empty();
  }

  /** The reply code that {@code text} starts with, after optional space and Exchange's '#'. */
  static OptionalInt leadingReplyCode(String text) {
    String head = window(text).stripLeading();
    if (head.startsWith("#")) {
      head = head.substring(1);
    }
    Matcher m = REPLY.matcher(head);
    return m.lookingAt() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }

  /** Where the first SMTP reply in {@code text} starts, or -1. */
  static int replyStart(String text) {
    Matcher m = REPLY.matcher(window(text));
    return m.find() ? m.start() : -1;
  }

  /**
   * The text from its first SMTP reply on, so that the reply code leads; the whole text when it
   * holds no reply.
   */
  static String fromReply(String text) {
    int start = replyStart(text);
    return start > 0 ? text.substring(start) : text;
  }

  private static String window(String text) {
    return text.length() > SEARCH_WINDOW ? text.substring(0, SEARCH_WINDOW) : text;
  }
}
