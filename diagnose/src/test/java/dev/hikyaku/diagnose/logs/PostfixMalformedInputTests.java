package dev.hikyaku.diagnose.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile and broken input: every line gives an event or a skipped line, never an exception, and
 * long lines cost linear time.
 */
class PostfixMalformedInputTests {

  private static final PostfixLogParser PARSER =
      new PostfixLogParser(LocalDate.of(2026, 11, 23), ZoneOffset.UTC);

  /** Real lines of every kind; their prefixes are the truncated lines a full disk leaves. */
  private static final List<String> LINES =
      List.of(
          "Nov 23 10:15:02 mx1 postfix/smtp[1]: 7EE668039: to=<a@example.com>, relay=mx[192.0.2.1]:25,"
              + " delay=3.6, delays=0.2/0.02/0.04/3.3, dsn=2.0.0, status=sent (250 2.0.0 Ok)",
          "Nov 23 10:15:02 mx1 postfix/smtpd[2]: NOQUEUE: reject: RCPT from unknown[192.0.2.7]: 554 5.7.1"
              + " <a@b>: Relay access denied; from=<x@y> to=<a@b> proto=ESMTP helo=<x>",
          "Nov 23 10:15:02 mx1 postfix/cleanup[3]: 4104E3D: reject: header Subject: x from h[192.0.2.1];"
              + " from=<a@b> to=<c@d> proto=ESMTP helo=<h>: 5.7.1 no",
          "Nov 23 10:15:02 mx1 postfix/smtp[4]: Trusted TLS connection established to mx[192.0.2.1]:25:"
              + " TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519"
              + " server-signature ECDSA (P-256) server-digest SHA256",
          "Nov 23 10:15:02 mx1 postfix/postscreen[5]: PREGREET 6 after 1.2 from [192.0.2.1]:43421: EHLO x",
          "Nov 23 10:15:02 mx1 postfix/anvil[6]: statistics: max connection rate 1/60s for"
              + " (smtpd:2001:db8::1) at Nov 23 10:00:00",
          "2026-11-23T10:15:02.123+09:00 mx1 postfix/qmgr[7]: 0F5383D: from=<a@b>, size=1, nrcpt=1 (queue active)");

  @Test
  void everyPrefixOfARealLineShouldParseOrBeSkipped() {
    for (String line : LINES) {
      for (int end = 0; end <= line.length(); end++) {
        assertThat(PARSER.parse(line.substring(0, end))).isNotNull();
      }
    }
  }

  @Test
  void randomMutationsOfRealMessagesShouldNeverThrowEvenWithoutTheSafetyNet() {
    Random random = new Random(20261123);
    String alphabet = " :;,<>[]()=/.-?!0123456789abcdefzABCDEFZ\u00e9\u30e1\ufffd\n\r\t";
    for (int round = 0; round < 20_000; round++) {
      StringBuilder message = new StringBuilder(message(LINES.get(random.nextInt(LINES.size()))));
      for (int edits = random.nextInt(6); edits >= 0; edits--) {
        int at = random.nextInt(message.length() + 1);
        char c = alphabet.charAt(random.nextInt(alphabet.length()));
        if (random.nextBoolean() && at < message.length()) {
          message.setCharAt(at, c);
        } else {
          message.insert(at, c);
        }
      }
      for (PostfixProgram program : PostfixProgram.values()) {
        // MessageParser directly: the public entry point's catch must never be what saves us.
        assertThat(MessageParser.parse(program, message.toString())).isNotNull();
      }
    }
  }

  @Test
  void garbageAndControlCharactersShouldBeSkippedOrUnrecognised() {
    for (String line :
        List.of(
            "\u0000\u0001\u0002",
            "Nov 23 10:15:02 \u0000 postfix/smtp[1]: \u0000",
            "::::",
            "[[[[",
            "\uFFFD\uFFFD")) {
      assertThat(PARSER.parse(line)).isNotNull();
    }
  }

  @Test
  void eightBitBytesShouldBeReadAsReplacementCharactersNotErrors() throws IOException {
    byte[] latin1 =
        "Nov 23 10:15:02 mx1 postfix/cleanup[3]: 4104E3D: message-id=<caf\u00e9@example.com>\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    LogAnalyzer analyzer = new LogAnalyzer(PARSER);

    try (BufferedReader reader = LogFiles.reader(new ByteArrayInputStream(latin1))) {
      analyzer.readAll(reader);
    }

    assertThat(analyzer.summary().input().events()).isEqualTo(1);
  }

  @Test
  void overlongLineShouldBeSkippedAsTooLong() {
    assertThat(PARSER.parse("x".repeat(PostfixLogParser.MAX_LINE_LENGTH + 1)))
        .isEqualTo(new ParsedLine.Skipped(ParsedLine.Reason.TOO_LONG));
  }

  /** 100 KB lines built to make a careless parser rescan: repeated separators with no end. */
  static Stream<Arguments> hostileLines() {
    String prefix = "Nov 23 10:15:02 mx1 postfix/";
    int n = 100_000;
    return Stream.of(
        Arguments.of(
            "smtpd",
            prefix
                + "smtpd[1]: NOQUEUE: reject: RCPT from a[1.2.3.4]: 550 "
                + "; from=<".repeat(n / 8)),
        Arguments.of(
            "smtpd", prefix + "smtpd[1]: NOQUEUE: reject: RCPT from a[1.2.3.4]: " + "<".repeat(n)),
        Arguments.of("smtpd", prefix + "smtpd[1]: " + "lost connection after ".repeat(n / 22)),
        Arguments.of("smtpd", prefix + "smtpd[1]: connect from " + "a[".repeat(n / 2)),
        Arguments.of(
            "cleanup", prefix + "cleanup[1]: 4104E3D: reject: header " + " from a];".repeat(n / 9)),
        Arguments.of(
            "cleanup",
            prefix + "cleanup[1]: 4104E3D: warning: header x" + " from ".repeat(n / 6) + ";"),
        Arguments.of(
            "cleanup",
            prefix
                + "cleanup[1]: 4104E3D: milter-reject: END-OF-MESSAGE from a[1]: "
                + "; to=<".repeat(n / 6)),
        Arguments.of(
            "smtp",
            prefix + "smtp[1]: 7EE668039: to=<a>, " + "relay=x, ".repeat(n / 9) + "status=sent (x"),
        Arguments.of("smtp", prefix + "smtp[1]: 7EE668039: to=<" + "a".repeat(n)),
        Arguments.of(
            "smtp",
            prefix
                + "smtp[1]: Trusted TLS connection established to a[1]:25: v with cipher c (1/1 bits)"
                + " server-signature x (".repeat(n / 20)),
        Arguments.of(
            "smtp",
            prefix + "smtp[1]: 7EE668039: host a[1] said: " + " (in reply to ".repeat(n / 14)),
        Arguments.of(
            "anvil",
            prefix
                + "anvil[1]: statistics: max connection count 1 for ("
                + ":".repeat(n)
                + ") at x"),
        Arguments.of(
            "postscreen", prefix + "postscreen[1]: " + "PASS ".repeat(n / 5) + "[1.2.3.4]:1"),
        Arguments.of("qmgr", prefix + "qmgr[1]: 0F5383D: from=<>, " + "size=1, ".repeat(n / 8)),
        Arguments.of("tag", "Nov 23 10:15:02 mx1 " + "p/".repeat(n / 2) + ": x"),
        Arguments.of(
            "reasons",
            prefix
                + "smtp[1]: 7EE668039: to=<a@b>, relay=x, dsn=4.0.0, status=deferred ("
                + "<[".repeat(n / 2)
                + ")"));
  }

  @ParameterizedTest(name = "{0} #{index}")
  @MethodSource("hostileLines")
  @Timeout(value = 2, unit = TimeUnit.SECONDS)
  void hundredKilobyteHostileLineShouldParseInLinearTime(String kind, String line) {
    LogAnalyzer analyzer = new LogAnalyzer(PARSER);
    for (int i = 0; i < 5; i++) {
      analyzer.accept(line);
    }

    assertThat(analyzer.summary().input().lines()).isEqualTo(5);
  }

  private static String message(String line) {
    int tag = line.indexOf("]: ");
    return line.substring(tag + 3);
  }
}
