package dev.hikyaku.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.shared.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** The log analyzer service without the web: several uploads as one log, the traffic table. */
class LogDiagnosisTests {

  private final LogDiagnosis logs =
      new LogDiagnosis(
          Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC),
          new DiagnosisProperties(
              DataSize.ofMegabytes(50), 5, Duration.ofSeconds(90), 25, Duration.ofSeconds(5), 3));

  @Test
  void severalUploadsShouldBeReadInOrderAsOneLog() {
    String lines = LogAnalyzerIntegrationTests.LOG;
    int cut = lines.indexOf("Nov 23 10:05:02");

    LogDiagnosisReport report =
        logs.analyze(
            List.of(
                upload("first.log", lines.substring(0, cut)),
                upload("second.log", lines.substring(cut))),
            new TraceTerms(List.of("a@docomo.ne.jp")),
            Optional.of(LocalDate.of(2026, 11, 23)));

    assertThat(report.files())
        .extracting(LogDiagnosisReport.LogFile::name)
        .containsExactly("first.log", "second.log");
    assertThat(report.summary().totals().delivered()).isEqualTo(1);
    assertThat(report.traces())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.queueId().value()).isEqualTo("1A2B3C4D5E");
          assertThat(t.recipients().get(0).attempts()).isEqualTo(2);
        });
  }

  @Test
  void aLogOfMoreThanTwoDaysShouldBeTabledPerDay() {
    StringBuilder log = new StringBuilder();
    for (int day = 20; day <= 23; day++) {
      for (int hour = 0; hour < 24; hour++) {
        log.append(
            String.format(
                "Nov %d %02d:00:00 relay1 postfix/smtpd[1]: %05X%05X: client=a.example[192.0.2.1]%n",
                day, hour, day, hour));
      }
    }

    LogDiagnosisReport report =
        logs.analyze(
            List.of(upload("month.log", log.toString())), new TraceTerms(null), Optional.empty());

    assertThat(report.trafficPerDay()).isTrue();
    assertThat(report.trafficRows())
        .extracting(LogDiagnosisReport.TrafficRow::label)
        .containsExactly("2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23");
    assertThat(report.trafficRows())
        .allSatisfy(r -> {
          assertThat(r.traffic().received()).isEqualTo(24);
          assertThat(r.barPercent()).isEqualTo(100);
        });
  }

  @Test
  void aLogLargerThanAnyBufferShouldStreamThroughFromAStreamThatCannotBeReadTwice() {
    int messages = 200_000; // about 150 MB, produced as it is read and never held
    LogDiagnosis.LogUpload upload =
        new LogDiagnosis.LogUpload("big.log", () -> new GeneratedLog(messages));

    LogDiagnosisReport report =
        logs.analyze(
            List.of(upload), new TraceTerms(List.of("user7@example.co.jp")), Optional.empty());

    assertThat(report.files().get(0).bytes()).isGreaterThan(140L * 1024 * 1024);
    assertThat(report.summary().totals().received()).isEqualTo(messages);
    assertThat(report.summary().totals().bounced()).isEqualTo(messages / 10);
    assertThat(report.summary().input().tracesOpen()).isZero();
    assertThat(report.traces()).singleElement();
  }

  @Test
  void noUploadOrOnlyEmptyOnesShouldBeRefused() {
    assertThatThrownBy(() -> logs.analyze(List.of(), new TraceTerms(null), Optional.empty()))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() ->
            logs.analyze(List.of(upload("empty", "")), new TraceTerms(null), Optional.empty()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.code()).isEqualTo("diagnosis.log-empty"));
  }

  private static LogDiagnosis.LogUpload upload(String name, String text) {
    return new LogDiagnosis.LogUpload(
        name, () -> new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** {@link LogAnalyzerIntegrationTests#traffic} made line by line as it is read. */
  private static final class GeneratedLog extends java.io.InputStream {
    private final int messages;
    private int next;
    private byte[] chunk = new byte[0];
    private int at;

    GeneratedLog(int messages) {
      this.messages = messages;
    }

    @Override
    public int read() {
      if (at == chunk.length && !refill()) {
        return -1;
      }
      return chunk[at++] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (length == 0) {
        return 0;
      }
      if (at == chunk.length && !refill()) {
        return -1;
      }
      int n = Math.min(length, chunk.length - at);
      System.arraycopy(chunk, at, buffer, offset, n);
      at += n;
      return n;
    }

    private boolean refill() {
      if (next >= messages) {
        return false;
      }
      int batch = Math.min(1_000, messages - next);
      chunk = LogAnalyzerIntegrationTests.traffic(next, next + batch);
      at = 0;
      next += batch;
      return true;
    }
  }
}
