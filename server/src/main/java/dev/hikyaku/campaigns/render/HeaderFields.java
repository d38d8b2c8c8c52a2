package dev.hikyaku.campaigns.render;

import java.util.List;

/**
 * Writes header fields in one charset: unstructured text (RFC 5322 §3.2.5), display names as atoms,
 * quoted strings or encoded-words (RFC 5322 §3.2.3, §3.4; RFC 2047 §5), and parameter values. Input
 * text is already flat (one line); output is folded ASCII.
 */
final class HeaderFields {

  /** Plain words longer than this are encoded instead, since encoded-words can be split. */
  private static final int LONGEST_PLAIN_WORD = 70;

  /** The longest quoted string written as it is; longer names are encoded. */
  private static final int LONGEST_QUOTED = 900;

  private final StringBuilder out;
  private final MessageCharset charset;

  HeaderFields(StringBuilder out, MessageCharset charset) {
    this.out = out;
    this.charset = charset;
  }

  /** A field whose value the composer built and knows to be plain ASCII words. */
  void raw(String name, String value) {
    HeaderLine line = new HeaderLine(out, name);
    for (String word : value.split(" ")) {
      line.word(word);
    }
    line.end();
  }

  /** An unstructured field such as Subject: plain words when it can be, else encoded-words. */
  void unstructured(String name, String value) {
    HeaderLine line = new HeaderLine(out, name);
    if (value.isEmpty()) {
      line.end();
      return;
    }
    words(line, value);
    line.end();
  }

  /** An address field with one mailbox: {@code name <address>}, or the bare address. */
  void mailbox(String name, Mailbox mailbox) {
    HeaderLine line = new HeaderLine(out, name);
    String address = mailbox.address().value();
    if (mailbox.displayName().isEmpty()) {
      line.word(address);
    } else {
      phrase(line, mailbox.displayName());
      line.word("<" + address + ">");
    }
    line.end();
  }

  /** List-Id: an optional description phrase, then the identifier in angle brackets. */
  void listId(ListId listId) {
    HeaderLine line = new HeaderLine(out, "List-Id");
    if (!listId.description().isEmpty()) {
      phrase(line, listId.description());
    }
    line.word("<" + listId.identifier() + ">");
    line.end();
  }

  /** A phrase (display name): atoms, one quoted string, or encoded-words. */
  void phrase(HeaderLine line, String text) {
    if (isPlainAscii(text) && isAtoms(text)) {
      for (String word : text.split(" ")) {
        line.word(word);
      }
    } else if (isPlainAscii(text) && text.length() <= LONGEST_QUOTED) {
      line.word(quoted(text));
    } else {
      encodedWords(line, text);
    }
  }

  /** {@code text} as a quoted-string, with {@code "} and {@code \} escaped (RFC 5322 §3.2.4). */
  static String quoted(String text) {
    StringBuilder q = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        q.append('\\');
      }
      q.append(c);
    }
    return q.append('"').toString();
  }

  private void words(HeaderLine line, String value) {
    if (isPlainAscii(value) && wordsFit(value)) {
      for (String word : value.split(" ")) {
        line.word(word);
      }
    } else {
      encodedWords(line, value);
    }
  }

  private void encodedWords(HeaderLine line, String text) {
    int firstMax = HeaderLine.SOFT_LIMIT - line.nextColumn();
    if (firstMax < 20) {
      firstMax = EncodedWords.MAX_WORD;
    }
    List<String> words = EncodedWords.encode(text, charset, firstMax);
    for (String word : words) {
      line.word(word);
    }
  }

  /**
   * Printable ASCII with single spaces, and nothing a reader would take for an encoded-word (RFC
   * 2047 §6.2 decodes any "=?...?=" it finds, so such text must itself be encoded).
   */
  static boolean isPlainAscii(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 || c > 0x7E) {
        return false;
      }
    }
    return !text.contains("=?")
        && !text.contains("  ")
        && !text.startsWith(" ")
        && !text.endsWith(" ");
  }

  private static boolean wordsFit(String value) {
    int length = 0;
    for (int i = 0; i < value.length(); i++) {
      length = value.charAt(i) == ' ' ? 0 : length + 1;
      if (length > LONGEST_PLAIN_WORD) {
        return false;
      }
    }
    return true;
  }

  /** Whether every word is an atom: atext only (RFC 5322 §3.2.3), so no quoting is needed. */
  private static boolean isAtoms(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean atext =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "!#$%&'*+-/=?^_`{|}~ ".indexOf(c) >= 0;
      if (!atext) {
        return false;
      }
    }
    return wordsFit(text);
  }
}
