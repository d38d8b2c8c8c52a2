package dev.hikyaku.diagnose.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The pflogsumm-like summary of {@link SampleLog} and its bounds. */
class LogAnalyzerSummaryTests {

  private static final PostfixLogParser PARSER =
      new PostfixLogParser(LocalDate.of(2026, 11, 23), ZoneId.of("Asia/Tokyo"));

  private final LogSummary summary =
      new LogAnalyzer(PARSER).readAll(SampleLog.LINES.stream()).finish();

  @Test
  void totalsShouldCountMessagesRecipientsAndBytesOnce() {
    LogSummary.Totals totals = summary.totals();

    assertThat(totals.received()).isEqualTo(3);
    assertThat(totals.delivered()).isEqualTo(3);
    assertThat(totals.deferrals()).isEqualTo(1);
    assertThat(totals.deferredMessages()).isEqualTo(1);
    assertThat(totals.bounced()).isEqualTo(1);
    assertThat(totals.rejected()).isEqualTo(1);
    assertThat(totals.connections()).isEqualTo(2);
    assertThat(totals.bytesReceived())
        .as("the qmgr line of a retry is not counted again")
        .isEqualTo(35_310);
    assertThat(totals.bytesDelivered()).isEqualTo(30_310);
  }

  @Test
  void inputShouldAccountForEveryLine() {
    LogSummary.Input input = summary.input();

    assertThat(input.lines()).isEqualTo(SampleLog.LINES.size());
    assertThat(input.notPostfix()).isEqualTo(1);
    assertThat(input.events()).isEqualTo(SampleLog.LINES.size() - 1);
    assertThat(input.unrecognised()).isEqualTo(1);
    assertThat(input.tracesOpen()).isZero();
    assertThat(summary.diagnostics()).containsEntry(PostfixEvent.Level.WARNING, 1L);
  }

  @Test
  void trafficShouldBeCountedPerHour() {
    assertThat(summary.hourly())
        .containsExactly(
            Map.entry(
                LocalDateTime.parse("2026-11-23T10:00"),
                new LogSummary.Hour(3, 3, 1, 1, 1, 35_310, 30_310)));
  }

  @Test
  void recipientDomainsShouldHaveDeliveriesBytesAndDelays() {
    assertThat(summary.recipientDomains().get("docomo.ne.jp"))
        .isEqualTo(
            new LogSummary.Domain(1, 0, 0, 4210, Duration.ofMillis(1800), Duration.ofMillis(1800)));
    assertThat(summary.recipientDomains().get("gmail.com"))
        .isEqualTo(
            new LogSummary.Domain(
                1, 1, 0, 20_000, Duration.ofSeconds(601), Duration.ofSeconds(601)));
    assertThat(summary.recipientDomains().get("yahoo.co.jp").bounced()).isEqualTo(1);
    assertThat(summary.topRecipientDomains(2))
        .extracting(Map.Entry::getKey)
        .containsExactly("docomo.ne.jp", "example.co.jp");
  }

  @Test
  void deferralsAndBouncesShouldBeGroupedByReasonWithoutAddresses() {
    assertThat(summary.deferralReasons().counts())
        .containsExactly(
            Map.entry(
                "450 4.2.0 <*>: Recipient address rejected: Greylisted, see https://postgrey.example/",
                1L));
    assertThat(summary.bounceReasons().counts())
        .containsExactly(
            Map.entry(
                "550 5.1.1 <*>: Recipient address rejected: User unknown in virtual mailbox table",
                1L));
    assertThat(summary.rejectReasons().counts())
        .containsExactly(Map.entry("Relay access denied", 1L));
  }

  @Test
  void deferralsAndBouncesShouldBeGroupedByDsnCodeAndClass() {
    assertThat(summary.deferralDsn().counts()).containsExactly(Map.entry("4.2.0", 1L));
    assertThat(summary.deferralDsnClasses().counts()).containsExactly(Map.entry("4.x.x", 1L));
    assertThat(summary.bounceDsnClasses().counts()).containsExactly(Map.entry("5.x.x", 1L));
  }

  @Test
  void topSendersShouldCountMessagesAndBytesWithTheNullSenderApart() {
    assertThat(summary.topSenders(2))
        .containsExactly(
            Map.entry("news@example.co.jp", new LogSummary.Sender(3, 29_210)),
            Map.entry("<>", new LogSummary.Sender(1, 6100)));
  }

  @Test
  void manyDsnCodesShouldRollUpIntoTheirClasses() {
    LogAnalyzer analyzer = new LogAnalyzer(PARSER);
    String[] codes = {"4.4.1", "4.7.0", "4.7.0", "5.1.1", "5.7.1"};
    for (int i = 0; i < codes.length; i++) {
      String status = codes[i].startsWith("4") ? "deferred" : "bounced";
      analyzer.accept(
          "Nov 23 12:00:0"
              + i
              + " mx1 postfix/smtp[1]: 0A0B0C0D0"
              + i
              + ": to=<u"
              + i
              + "@example.com>,"
              + " relay=none, delay=1, delays=1/0/0/0, dsn="
              + codes[i]
              + ", status="
              + status
              + " (x)");
    }

    LogSummary result = analyzer.finish();

    assertThat(result.deferralDsn().counts())
        .containsOnly(Map.entry("4.4.1", 1L), Map.entry("4.7.0", 2L));
    assertThat(result.deferralDsnClasses().counts()).containsOnly(Map.entry("4.x.x", 3L));
    assertThat(result.bounceDsnClasses().counts()).containsOnly(Map.entry("5.x.x", 2L));
  }

  @Test
  void summaryTablesShouldStayBoundedAndAddTheRestUpUnderOther() {
    LogAnalyzer analyzer = new LogAnalyzer(PARSER, new AnalyzerLimits(10, 10, 10, 2));
    for (int i = 0; i < 5; i++) {
      analyzer.accept(
          "Nov 23 12:00:00 mx1 postfix/smtp[1]: 0A0B0C0D0"
              + i
              + ": to=<u@d"
              + i
              + ".example>,"
              + " relay=none, delay=1, delays=1/0/0/0, dsn=2.0.0, status=sent (ok)");
    }

    LogSummary result = analyzer.finish();

    assertThat(result.recipientDomains()).hasSize(3);
    assertThat(result.recipientDomains().get(LogSummary.OTHER).delivered()).isEqualTo(3);
    assertThat(result.totals().delivered()).isEqualTo(5);
  }
}
