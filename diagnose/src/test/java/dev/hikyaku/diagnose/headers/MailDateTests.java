package dev.hikyaku.diagnose.headers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 5322 §3.3 date-times, the §4.3 obsolete forms and what real mail adds to them. */
class MailDateTests {

  static DateParse.Parsed parsed(String text) {
    DateParse result = MailDate.parse(text);
    assertThat(result).isInstanceOf(DateParse.Parsed.class);
    return (DateParse.Parsed) result;
  }

  static OffsetDateTime at(String iso) {
    return OffsetDateTime.parse(iso);
  }

  @Test
  void aStrictDateTimeIsReadWithoutNotes() {
    DateParse.Parsed parsed = parsed("Mon, 23 Nov 2026 10:15:30 +0900");

    assertThat(parsed.value()).isEqualTo(at("2026-11-23T10:15:30+09:00"));
    assertThat(parsed.notes()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Mon, 23 Nov 2026 10:15:30 +0900 (JST)       | 2026-11-23T10:15:30+09:00",
        "23 Nov 2026 01:15:30 -0000                  | 2026-11-23T01:15:30Z",
        "Mon, 23 Nov 2026 10:15 +0900                | 2026-11-23T10:15:00+09:00",
        "  Mon,   23  Nov  2026   10:15:30   +0900   | 2026-11-23T10:15:30+09:00",
        "Mon,23 Nov 2026 10:15:30 +0900              | 2026-11-23T10:15:30+09:00",
        "Mon, 5 Jul 2027 10:00:00 -0700 (PDT)        | 2027-07-05T10:00:00-07:00",
        "Mon, 23 Nov 2026 10:15:30 +0530 (IST)       | 2026-11-23T10:15:30+05:30",
        "mon, 23 nov 2026 10:15:30 +0900             | 2026-11-23T10:15:30+09:00",
        "Monday, 23 November 2026 10:15:30 +0900     | 2026-11-23T10:15:30+09:00",
        "Mon, 23 Nov 2026 10:15:30 +0900 (JST (Tokyo)) | 2026-11-23T10:15:30+09:00",
      })
  void readsTheFormsMailIsWrittenWith(String text, String expected) {
    assertThat(MailDate.parse(text).dateTime()).contains(at(expected));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "23 Nov 2026 10:00:00 GMT | 2026-11-23T10:00:00Z",
        "23 Nov 2026 10:00:00 UT  | 2026-11-23T10:00:00Z",
        "23 Nov 2026 10:00:00 EST | 2026-11-23T10:00:00-05:00",
        "23 Nov 2026 10:00:00 EDT | 2026-11-23T10:00:00-04:00",
        "23 Nov 2026 10:00:00 PST | 2026-11-23T10:00:00-08:00",
        "23 Nov 2026 10:00:00 JST | 2026-11-23T10:00:00+09:00",
        "23 Nov 2026 10:00:00 CEST | 2026-11-23T10:00:00+02:00",
      })
  void readsNamedZones(String text, String expected) {
    assertThat(MailDate.parse(text).dateTime()).contains(at(expected));
  }

  @Test
  void militaryAndUnknownZonesAreReadAsUtcWithANote() {
    // RFC 5322 §4.3: such zones "SHOULD all be considered equivalent to -0000".
    DateParse.Parsed military = parsed("23 Nov 2026 10:00:00 A");
    DateParse.Parsed unknown = parsed("23 Nov 2026 10:00:00 XYZT");

    assertThat(military.value()).isEqualTo(at("2026-11-23T10:00:00Z"));
    assertThat(unknown.value()).isEqualTo(at("2026-11-23T10:00:00Z"));
    assertThat(unknown.notes()).anySatisfy(note -> assertThat(note).contains("unknown zone"));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "23 Nov 26 10:00:00 +0900  | 2026-11-23T10:00:00+09:00",
        "23 Nov 49 10:00:00 +0000  | 2049-11-23T10:00:00Z",
        "23 Nov 99 10:00:00 +0000  | 1999-11-23T10:00:00Z",
        "23 Nov 126 10:00:00 +0000 | 2026-11-23T10:00:00Z",
      })
  void obsoleteYearsFollowRfc5322Section43(String text, String expected) {
    DateParse.Parsed parsed = parsed(text);

    assertThat(parsed.value()).isEqualTo(at(expected));
    assertThat(parsed.notes()).anySatisfy(note -> assertThat(note).contains("obsolete"));
  }

  @Test
  void readsAsctimeOrderWithoutAZoneAsUtc() {
    DateParse.Parsed parsed = parsed("Mon Nov 23 10:15:30 2026");

    assertThat(parsed.value()).isEqualTo(at("2026-11-23T10:15:30Z"));
    assertThat(parsed.notes()).containsExactly("no zone, UTC assumed");
  }

  @Test
  void aWrongDayNameIsNotedButTheDateKept() {
    DateParse.Parsed parsed = parsed("Fri, 23 Nov 2026 10:00:00 +0000");

    assertThat(parsed.value()).isEqualTo(at("2026-11-23T10:00:00Z"));
    assertThat(parsed.notes()).containsExactly("the day name says friday, the date is a monday");
  }

  @Test
  void aLeapSecondAndFractionalSecondsAreAccepted() {
    assertThat(MailDate.parse("31 Dec 2026 23:59:60 +0000").dateTime())
        .contains(at("2026-12-31T23:59:59Z"));
    assertThat(MailDate.parse("23 Nov 2026 10:00:00.250 +0000").dateTime())
        .contains(at("2026-11-23T10:00:00Z"));
  }

  @Test
  void aZoneNameAfterTheOffsetWithoutParenthesesIsIgnored() {
    DateParse.Parsed parsed = parsed("Mon, 23 Nov 2026 10:00:00 +0900 JST");

    assertThat(parsed.value()).isEqualTo(at("2026-11-23T10:00:00+09:00"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "garbage",
        "Mon, 23 Nov 2026",
        "23 Nov 2026 25:00:00 +0000",
        "23 Nov 2026 10:61:00 +0000",
        "30 Feb 2026 10:00:00 +0000",
        "23 Foo 2026 10:00:00 +0000",
        "23 Nov 2026 10:00:00 +2500",
        "23 Nov 2026 10:00:00 +09",
        "23 Nov 1800 10:00:00 +0000",
        "23 Nov 20266 10:00:00 +0000",
        "23 Nov 2026 2027 10:00:00 +0000",
        "23 Nov 2026 10:00:00:00 +0000",
        "23 Nov 2026 1a:00 +0000",
        "２３ Nov 2026 10:00:00 +0000",
        "23 Nov 2026 10:00:00 +0000 \u0000",
        "1 2 3 4 5 6 7 8 9 10 11 12 13 14",
      })
  void unreadableTextGivesTheProblemNeverAnException(String text) {
    DateParse result = MailDate.parse(text);

    assertThat(result).isInstanceOf(DateParse.Invalid.class);
    assertThat(((DateParse.Invalid) result).problem()).isNotBlank();
    assertThat(result.dateTime()).isEmpty();
  }

  @Test
  void nullAndOverlongTextAreInvalid() {
    assertThat(MailDate.parse(null)).isEqualTo(new DateParse.Invalid("no date"));
    assertThat(MailDate.parse("Mon, 23 Nov 2026 10:00:00 +0000 " + "(x)".repeat(1000)))
        .isInstanceOf(DateParse.Invalid.class);
  }

  @Test
  void anUnclosedCommentIsNotedAndTheDateStillRead() {
    DateParse.Parsed parsed = parsed("Mon, 23 Nov 2026 10:00:00 +0900 (JST");

    assertThat(parsed.value()).isEqualTo(at("2026-11-23T10:00:00+09:00"));
    assertThat(parsed.notes()).contains("unclosed comment");
  }
}
