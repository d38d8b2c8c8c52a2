package dev.hikyaku.diagnose.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Broken, truncated and hostile Received fields give problems, never exceptions or long work. */
class ReceivedMalformedTests {

  @Test
  void aFieldWithoutADateIsReadAndTheMissingDateNoted() {
    ReceivedField field = ReceivedField.parse("from a.example.com by mx.example.net with ESMTP");

    assertThat(field.by()).contains("mx.example.net");
    assertThat(field.date()).isEmpty();
    assertThat(field.problems()).containsExactly("no ';' and date-time at the end");
  }

  @Test
  void aGarbageDateIsAProblemAndTheClausesAreKept() {
    ReceivedField field =
        ReceivedField.parse("from a.example.com by mx.example.net id 42; yesterday at noon");

    assertThat(field.id()).contains("42");
    assertThat(field.date()).isEmpty();
    assertThat(field.problems()).singleElement().asString().startsWith("date-time: ");
  }

  @Test
  void aTruncatedFieldKeepsWhatCameBeforeTheCut() {
    ReceivedField field =
        ReceivedField.parse(
            "from mail.example.com (mail.example.com [192.0.2.1]) (using TLSv1.3 wi");

    assertThat(field.fromAddress()).contains("192.0.2.1");
    assertThat(field.problems()).contains("unclosed comment");
  }

  @Test
  void aSemicolonInsideACommentDoesNotStartTheDate() {
    ReceivedField field =
        ReceivedField.parse(
            "from a.example.com (note; odd) by mx.example.net; Mon, 23 Nov 2026 10:00:00 +0000");

    assertThat(field.date()).contains(OffsetDateTime.parse("2026-11-23T10:00:00Z"));
    assertThat(field.problems()).isEmpty();
  }

  @Test
  void repeatedClausesAndStrayWordsAreNoted() {
    ReceivedField field =
        ReceivedField.parse(
            "junk from a.example.com extra by mx.example.net by other.example.net; 23 Nov 2026"
                + " 10:00 +0000");

    assertThat(field.by()).contains("mx.example.net");
    assertThat(field.problems())
        .containsExactly(
            "'by' clause given again; the first is used",
            "text before the first clause: junk",
            "unexpected text after 'from a.example.com'");
  }

  @Test
  void eightBitBytesAndControlCharactersAreWordsLikeAnyOther() {
    ReceivedField field =
        ReceivedField.parse(
            "from \u00e9\u00e8\ufffd.example by mx.example.net\u0000; 23 Nov 2026 10:00 +0000");

    assertThat(field.from()).contains("\u00e9\u00e8\ufffd.example");
    assertThat(field.fromHostName()).isEmpty();
    assertThat(field.date()).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ";",
        "()",
        ")(",
        "from",
        "from ; ",
        "by by by by",
        "\"unclosed quote by x; 23 Nov 2026 10:00 +0000",
        "from <unclosed angle by x; 23 Nov 2026 10:00 +0000",
        "from [192.0.2.1 by x",
        "from x (\\",
        "from x (HELO",
      })
  void oddInputGivesAFieldNeverAnException(String value) {
    ReceivedField field = ReceivedField.parse(value);

    assertThat(field.raw()).isEqualTo(value);
    assertThat(field.problems()).hasSizeLessThanOrEqualTo(ReceivedParser.MAX_PROBLEMS);
  }

  @Test
  void nullIsAnEmptyField() {
    assertThat(ReceivedField.parse(null).unreadable()).isTrue();
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.SECONDS)
  void megabyteFieldsOfEveryHostileShapeAreReadInLinearTime() {
    int size = 1 << 20;
    for (String unit :
        new String[] {
          "(",
          ")",
          "((a)",
          "<",
          "\"",
          "[",
          "a ",
          "from ",
          "x;",
          "\\(",
          "(HELO ",
          "[192.0.2.1]:1 ",
          "(using TLSv1.3 with cipher ",
          "tls ",
          "by (",
          "(192.0.2.1) ",
          "[IPv6:",
          "(version=TLS1_2, "
        }) {
      String value = unit.repeat(size / unit.length()) + "; 23 Nov 2026 10:00 +0000";

      ReceivedField field = ReceivedField.parse(value);

      assertThat(field.problems()).hasSizeLessThanOrEqualTo(ReceivedParser.MAX_PROBLEMS);
      assertThat(field.from().orElse("").length()).isLessThanOrEqualTo(256);
    }
  }
}
