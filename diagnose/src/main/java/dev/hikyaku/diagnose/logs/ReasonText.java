package dev.hikyaku.diagnose.logs;

/**
 * Turns a server's reply or a reject reason into a key that groups alike failures, the way
 * pflogsumm does: without the host that said it, the command it answered, or the address or IP
 * address it names.
 */
final class ReasonText {

  static final int MAX_LENGTH = 160;
  private static final int MAX_BRACKETED = 256;
  private static final String SAID = " said: ";
  private static final String IN_REPLY_TO = " (in reply to ";

  private ReasonText() {}

  /**
   * {@code host mx[192.0.2.1] said: 550 5.1.1 <a@example.com>: User unknown (in reply to RCPT TO
   * command)} becomes {@code 550 5.1.1 <*>: User unknown}.
   */
  static String normalize(String response) {
    String text = response;
    if (text.startsWith("host ")) {
      int said = text.indexOf(SAID);
      if (said > 0 && said < 300) {
        text = text.substring(said + SAID.length());
      }
    }
    int in = text.lastIndexOf(IN_REPLY_TO);
    if (in > 0 && text.endsWith(" command)")) {
      text = text.substring(0, in);
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_LENGTH + 1));
    for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
      char c = text.charAt(i);
      int close = c == '<' ? closing(text, i, '>') : c == '[' ? closing(text, i, ']') : -1;
      if (close > 0) {
        out.append(c).append('*').append(text.charAt(close));
        i = close;
      } else {
        out.append(Character.isISOControl(c) ? ' ' : c);
      }
    }
    if (out.length() >= MAX_LENGTH && text.length() > MAX_LENGTH) {
      out.append('…');
    }
    return out.toString().strip();
  }

  /** A reject's reason as a key; DNSBL reasons lose the lookup URL, which names the client. */
  static String rejectReason(Reject reject) {
    String reason = reject.reason();
    if (reason.startsWith("blocked using ")) {
      int semicolon = reason.indexOf(';');
      reason = semicolon < 0 ? reason : reason.substring(0, semicolon);
    }
    return normalize(reason.isEmpty() ? reject.reply() : reason);
  }

  /** Where the bracket opened at {@code open} closes, if soon and without spaces; else -1. */
  private static int closing(String text, int open, char close) {
    int limit = Math.min(text.length(), open + MAX_BRACKETED);
    for (int i = open + 1; i < limit; i++) {
      char c = text.charAt(i);
      if (c == close) {
        return i > open + 1 ? i : -1;
      }
      if (c == ' ') {
        return -1;
      }
    }
    return -1;
  }
}
