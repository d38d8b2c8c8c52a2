package dev.hikyaku.diagnose.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The syslog part of a line: timestamps, year inference, hosts, tags and what is skipped. */
class PostfixLogParserTests {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private final PostfixLogParser parser = new PostfixLogParser(LocalDate.of(2026, 11, 23), TOKYO);

  @Test
  void classicSyslogLineShouldGiveHeaderAndTypedEvent() {
    ParsedLine.Entry entry =
        entry(
            "Nov 23 10:15:02 mx1 postfix/smtp[12345]: 7EE668039: to=<a@example.com>,"
                + " relay=mx.example.com[192.0.2.1]:25, delay=3.6, delays=0.2/0.02/0.04/3.3,"
                + " dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 153053D)");

    assertThat(entry.header().timestamp())
        .isEqualTo(OffsetDateTime.parse("2026-11-23T10:15:02+09:00"));
    assertThat(entry.header().host()).isEqualTo("mx1");
    assertThat(entry.header().syslogName()).isEqualTo("postfix");
    assertThat(entry.header().program()).isEqualTo(PostfixProgram.SMTP);
    assertThat(entry.header().pid()).isEqualTo(OptionalLong.of(12345));
    assertThat(entry.event()).isInstanceOf(Delivery.class);
    assertThat(entry.event().queueId()).contains(new QueueId("7EE668039"));
  }

  @Test
  void rfc3339TimestampShouldKeepItsOffsetAndFraction() {
    ParsedLine.Entry entry =
        entry("2026-11-23T10:15:02.123456+09:00 mx1 postfix/qmgr[900]: 0F5383D: removed");

    assertThat(entry.header().timestamp())
        .isEqualTo(OffsetDateTime.parse("2026-11-23T10:15:02.123456+09:00"));
    assertThat(entry.event())
        .isEqualTo(
            new MessageEvent.QueueAction(
                new QueueId("0F5383D"), MessageEvent.QueueAction.Action.REMOVED));
  }

  @Test
  void rfc3339TimestampShouldAcceptZuluAndOffsetsWithoutColon() {
    assertThat(
            entry("2026-11-23T01:15:02Z mx1 postfix/qmgr[9]: 0F5383D: removed")
                .header()
                .timestamp())
        .isEqualTo(OffsetDateTime.parse("2026-11-23T01:15:02Z"));
    assertThat(
            entry("2026-11-23T10:15:02+0900 mx1 postfix/qmgr[9]: 0F5383D: removed")
                .header()
                .timestamp())
        .isEqualTo(OffsetDateTime.parse("2026-11-23T10:15:02+09:00"));
  }

  @Test
  void spacePaddedDayShouldParse() {
    assertThat(entry("Nov  3 08:00:00 mx1 postfix/qmgr[9]: 0F5383D: removed").header().timestamp())
        .isEqualTo(OffsetDateTime.parse("2026-11-03T08:00:00+09:00"));
  }

  @Test
  void classicLineAfterTheReferenceDateShouldBelongToThePreviousYear() {
    PostfixLogParser newYear = new PostfixLogParser(LocalDate.of(2027, 1, 1), TOKYO);

    assertThat(
            entry(newYear, "Dec 31 23:59:59 mx1 postfix/qmgr[9]: 0F5383D: removed")
                .header()
                .timestamp())
        .isEqualTo(OffsetDateTime.parse("2026-12-31T23:59:59+09:00"));
    assertThat(
            entry(newYear, "Jan  1 00:00:01 mx1 postfix/qmgr[9]: 0F5383D: removed")
                .header()
                .timestamp())
        .isEqualTo(OffsetDateTime.parse("2027-01-01T00:00:01+09:00"));
  }

  @Test
  void lineOfTheDayAfterTheReferenceShouldStayInItsYearForClockSkew() {
    assertThat(entry("Nov 24 00:00:01 mx1 postfix/qmgr[9]: 0F5383D: removed").header().timestamp())
        .isEqualTo(OffsetDateTime.parse("2026-11-24T00:00:01+09:00"));
  }

  @Test
  void twentyNinthOfFebruaryShouldFallInTheLastLeapYear() {
    assertThat(entry("Feb 29 12:00:00 mx1 postfix/qmgr[9]: 0F5383D: removed").header().timestamp())
        .isEqualTo(OffsetDateTime.parse("2024-02-29T12:00:00+09:00"));
  }

  @Test
  void multiInstanceAndPerServiceSyslogNamesShouldNameTheProgram() {
    SyslogHeader out = entry("Nov 23 10:15:02 mx1 postfix-out/smtp[1]: 0F5383D: removed").header();
    SyslogHeader submission =
        entry("Nov 23 10:15:02 mx1 postfix/submission/smtpd[2]: connect from a[192.0.2.1]")
            .header();

    assertThat(out.syslogName()).isEqualTo("postfix-out");
    assertThat(out.program()).isEqualTo(PostfixProgram.SMTP);
    assertThat(submission.syslogName()).isEqualTo("postfix/submission");
    assertThat(submission.processName()).isEqualTo("smtpd");
    assertThat(submission.program()).isEqualTo(PostfixProgram.SMTPD);
  }

  @Test
  void tagWithoutPidShouldParse() {
    SyslogHeader header =
        entry("Nov 23 10:15:02 mx1 postfix/postfix-script: warning: symlink leaves directory")
            .header();

    assertThat(header.program()).isEqualTo(PostfixProgram.POSTFIX_SCRIPT);
    assertThat(header.pid()).isEmpty();
  }

  @Test
  void otherProgramsShouldBeSkippedAsNotPostfix() {
    assertThat(parser.parse("Nov 23 10:15:02 mx1 dovecot: imap-login: Login: user=<a>"))
        .isEqualTo(new ParsedLine.Skipped(ParsedLine.Reason.NOT_POSTFIX));
    assertThat(parser.parse("Nov 23 10:15:02 mx1 opendkim[77]: 0F5383D: DKIM-Signature added"))
        .isEqualTo(new ParsedLine.Skipped(ParsedLine.Reason.NOT_POSTFIX));
  }

  @Test
  void linesWithoutASyslogHeaderShouldBeSkippedAsNotSyslog() {
    for (String line :
        new String[] {
          "",
          "garbage",
          "Nov 23",
          "Nov 23 10:15",
          "Foo 23 10:15:02 mx1 postfix/smtp[1]: x",
          "Nov 32 10:15:02 mx1 postfix/smtp[1]: x",
          "Nov 23 25:15:02 mx1 postfix/smtp[1]: x",
          "2026-02-30T10:15:02Z mx1 postfix/smtp[1]: x",
          "Nov 23 10:15:02 mx1 postfix/smtp[1]"
        }) {
      assertThat(parser.parse(line))
          .as(line)
          .isEqualTo(new ParsedLine.Skipped(ParsedLine.Reason.NOT_SYSLOG));
    }
  }

  @Test
  void customSyslogNameShouldStillBePostfixWhenTheProgramIsKnown() {
    SyslogHeader header = entry("Nov 23 10:15:02 mx1 mta-out/smtp[1]: 0F5383D: removed").header();

    assertThat(header.program()).isEqualTo(PostfixProgram.SMTP);
  }

  @Test
  void carriageReturnFromWindowsLineEndsShouldBeIgnored() {
    assertThat(entry("Nov 23 10:15:02 mx1 postfix/qmgr[9]: 0F5383D: removed\r").event())
        .isInstanceOf(MessageEvent.QueueAction.class);
  }

  @Test
  void messageShouldBeKeptAsLogged() {
    assertThat(
            entry("Nov 23 10:15:02 mx1 postfix/qmgr[9]: 0F5383D: skipped, still being delivered")
                .message())
        .isEqualTo("0F5383D: skipped, still being delivered");
  }

  @Test
  void longQueueIdsShouldBeRecognisedAndWordsShouldNot() {
    assertThat(QueueId.parse("48rT2v1hQrz1J0N")).isPresent();
    assertThat(QueueId.parse("3E29030F8637E")).isPresent();
    assertThat(QueueId.parse("NOQUEUE")).isEmpty();
    assertThat(QueueId.parse("statistics")).isEmpty();
    assertThat(QueueId.parse("Transportations")).isEmpty();
    assertThat(QueueId.parse("48rT2v1hQr1J0N")).as("no z separator").isEmpty();
  }

  private ParsedLine.Entry entry(String line) {
    return entry(parser, line);
  }

  private static ParsedLine.Entry entry(PostfixLogParser parser, String line) {
    ParsedLine parsed = parser.parse(line);
    assertThat(parsed).as(line).isInstanceOf(ParsedLine.Entry.class);
    return (ParsedLine.Entry) parsed;
  }
}
