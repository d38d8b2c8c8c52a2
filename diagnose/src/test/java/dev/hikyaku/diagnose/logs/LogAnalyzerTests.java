package dev.hikyaku.diagnose.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Message traces put together from interleaved lines, and the trace filter. */
class LogAnalyzerTests {

  private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
  private static final PostfixLogParser PARSER =
      new PostfixLogParser(LocalDate.of(2026, 11, 23), TOKYO);

  private final List<MessageTrace> traces = new ArrayList<>();

  @Test
  void deliveredMessageShouldBeTracedFromClientToRemoval() {
    analyze(TraceQuery.ALL, SampleLog.LINES);

    MessageTrace trace = trace("3F1A2B4C5D");
    assertThat(trace.client().map(Peer::toString)).contains("app1.example.co.jp[192.0.2.10]");
    assertThat(trace.saslUsername()).contains("news");
    assertThat(trace.messageId()).contains("20261123.1@news.example.co.jp");
    assertThat(trace.sender()).contains("news@example.co.jp");
    assertThat(trace.size()).hasValue(4210);
    assertThat(trace.end()).isEqualTo(MessageTrace.End.REMOVED);
    assertThat(trace.firstSeen()).isEqualTo(OffsetDateTime.parse("2026-11-23T10:15:01+09:00"));
    assertThat(trace.lastSeen()).isEqualTo(OffsetDateTime.parse("2026-11-23T10:15:03+09:00"));
    RecipientOutcome outcome = trace.outcome("hanako@docomo.ne.jp").orElseThrow();
    assertThat(outcome.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(outcome.dsn()).contains(new Dsn(2, 0, 0));
    assertThat(outcome.relay().host()).isEqualTo("mx1.docomo.ne.jp");
    assertThat(outcome.agent()).isEqualTo("smtp");
    assertThat(outcome.attempts()).isEqualTo(1);
  }

  @Test
  void deferredThenDeliveredMessageShouldKeepTheLatestOutcomeAndCountAttempts() {
    analyze(TraceQuery.ALL, SampleLog.LINES);

    RecipientOutcome outcome = trace("4A0B1C2D3E").outcome("TARO@gmail.com").orElseThrow();
    assertThat(outcome.status()).isEqualTo(DeliveryStatus.SENT);
    assertThat(outcome.attempts()).isEqualTo(2);
    assertThat(outcome.at()).isEqualTo(OffsetDateTime.parse("2026-11-23T10:26:03+09:00"));
  }

  @Test
  void bounceShouldLinkTheMessageAndItsNotification() {
    analyze(TraceQuery.ALL, SampleLog.LINES);

    MessageTrace bounced = trace("5B1C2D3E4F");
    MessageTrace notification = trace("6C2D3E4F5A");
    assertThat(bounced.outcome("nobody@yahoo.co.jp").map(RecipientOutcome::status))
        .contains(DeliveryStatus.BOUNCED);
    assertThat(bounced.notifications()).containsExactly(new QueueId("6C2D3E4F5A"));
    assertThat(bounced.notes()).anyMatch(n -> n.contains("non-delivery notification: 6C2D3E4F5A"));
    assertThat(notification.notificationFor()).contains(new QueueId("5B1C2D3E4F"));
    assertThat(notification.sender()).contains("");
    assertThat(notification.outcome("news@example.co.jp").map(RecipientOutcome::status))
        .contains(DeliveryStatus.SENT);
  }

  @Test
  void queueIdQueryShouldFindTheMessageAndItsBounceNotification() {
    analyze(TraceQuery.queueId("5B1C2D3E4F"), SampleLog.LINES);

    assertThat(traces)
        .extracting(t -> t.queueId().value())
        .containsExactly("5B1C2D3E4F", "6C2D3E4F5A");
  }

  @Test
  void addressQueryShouldMatchRecipientsCaseInsensitively() {
    analyze(TraceQuery.address("Taro@Gmail.com"), SampleLog.LINES);

    assertThat(traces).extracting(t -> t.queueId().value()).containsExactly("4A0B1C2D3E");
  }

  @Test
  void senderAddressQueryShouldFindEveryMessageFromIt() {
    analyze(TraceQuery.address("news@example.co.jp"), SampleLog.LINES);

    assertThat(traces)
        .extracting(t -> t.queueId().value())
        .containsExactlyInAnyOrder("3F1A2B4C5D", "4A0B1C2D3E", "5B1C2D3E4F", "6C2D3E4F5A");
  }

  @Test
  void messageIdQueryShouldAcceptAngleBrackets() {
    analyze(TraceQuery.messageId("<20261123.1@news.example.co.jp>"), SampleLog.LINES);

    assertThat(traces).extracting(t -> t.queueId().value()).containsExactly("3F1A2B4C5D");
  }

  @Test
  void linesThatNameAnOpenMessageShouldBecomeItsNotes() {
    analyze(TraceQuery.ALL, SampleLog.LINES);

    assertThat(trace("4A0B1C2D3E").notes()).anyMatch(n -> n.contains("lost connection with"));
  }

  @Test
  void messagesStillQueuedAtTheEndShouldBeReportedAsStillOpen() {
    LogAnalyzer analyzer =
        new LogAnalyzer(PARSER, AnalyzerLimits.DEFAULTS, TraceQuery.ALL, traces::add);
    analyzer.accept(
        "Nov 23 11:00:00 mx1 postfix/qmgr[900]: 7D8E9FA0B1: from=<a@example.org>, size=10, nrcpt=1 (queue active)");

    LogSummary summary = analyzer.finish();

    assertThat(summary.input().tracesOpen()).isEqualTo(1);
    assertThat(traces)
        .singleElement()
        .extracting(MessageTrace::end)
        .isEqualTo(MessageTrace.End.STILL_OPEN);
  }

  @Test
  void tooManyOpenTracesShouldEvictTheLeastRecentlySeen() {
    LogAnalyzer analyzer =
        new LogAnalyzer(
            PARSER, AnalyzerLimits.DEFAULTS.withMaxOpenTraces(2), TraceQuery.ALL, traces::add);
    for (String id : List.of("1A1A1A1A1A", "2B2B2B2B2B", "3C3C3C3C3C")) {
      analyzer.accept(
          "Nov 23 11:00:00 mx1 postfix/cleanup[1]: "
              + id
              + ": message-id=<"
              + id
              + "@example.org>");
    }

    assertThat(traces)
        .singleElement()
        .satisfies(t -> {
          assertThat(t.queueId().value()).isEqualTo("1A1A1A1A1A");
          assertThat(t.end()).isEqualTo(MessageTrace.End.EVICTED);
        });
    assertThat(analyzer.summary().input().tracesEvicted()).isEqualTo(1);
    assertThat(analyzer.summary().input().tracesOpen()).isEqualTo(2);
  }

  @Test
  void messageSpanningTheYearBoundaryShouldKeepBothYears() {
    PostfixLogParser newYear = new PostfixLogParser(LocalDate.of(2027, 1, 1), TOKYO);
    LogAnalyzer analyzer =
        new LogAnalyzer(newYear, AnalyzerLimits.DEFAULTS, TraceQuery.ALL, traces::add);
    analyzer.readAll(SampleLog.YEAR_BOUNDARY.stream());

    LogSummary summary = analyzer.finish();

    MessageTrace trace = traces.getFirst();
    assertThat(trace.firstSeen()).isEqualTo(OffsetDateTime.parse("2026-12-31T23:59:58+09:00"));
    assertThat(trace.lastSeen()).isEqualTo(OffsetDateTime.parse("2027-01-01T00:00:03+09:00"));
    assertThat(summary.hourly().keySet())
        .containsExactly(
            LocalDateTime.parse("2026-12-31T23:00"), LocalDateTime.parse("2027-01-01T00:00"));
  }

  @Test
  void gzippedRotatedLogShouldReadLikeThePlainOne(@TempDir Path dir) throws IOException {
    Path plain = dir.resolve("mail.log");
    Path gzipped = dir.resolve("mail.log.2.gz");
    Files.write(plain, SampleLog.LINES, StandardCharsets.UTF_8);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gzipped))) {
      Files.copy(plain, out);
    }

    LogSummary fromPlain;
    LogSummary fromGzip;
    try (var a = LogFiles.open(plain);
        var b = LogFiles.open(gzipped)) {
      fromPlain = new LogAnalyzer(PARSER).readAll(a).finish();
      fromGzip = new LogAnalyzer(PARSER).readAll(b).finish();
    }

    assertThat(fromGzip).isEqualTo(fromPlain);
    assertThat(fromGzip.input().lines()).isEqualTo(SampleLog.LINES.size());
  }

  private void analyze(TraceQuery query, List<String> lines) {
    new LogAnalyzer(PARSER, AnalyzerLimits.DEFAULTS, query, traces::add)
        .readAll(lines.stream())
        .finish();
  }

  private MessageTrace trace(String queueId) {
    return traces.stream()
        .filter(t -> t.queueId().value().equals(queueId))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no trace of " + queueId + " in " + traces));
  }
}
