package dev.hikyaku.diagnosis.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The attached Postfix logs, streamed through the diagnose library: the summary, the signs of
 * trouble at our MTA, the messages the person named, and refusals of what is not a Postfix log. The
 * logs are built from the shared conformance lines at test time.
 */
class LogAnalysisTests {

  private final LogAnalysis analysis =
      new LogAnalysis(
          Clock.fixed(Instant.parse("2026-11-30T00:00:00Z"), ZoneOffset.UTC), ZoneOffset.UTC);

  private static Upload log(String name, byte[] bytes) {
    return Upload.of(name, bytes);
  }

  @Test
  void certificateAndConnectFailuresOfOurSmtpClientShouldBeCounted() {
    byte[] log =
        ConformanceLog.bytes("smtp_0001", "smtp_0027", "smtp_0028", "smtp_0005", "smtp_0015");

    LogFacts facts = analysis.analyze(List.of(log("mail.log", log)), List.of());

    assertThat(facts.section().tlsFailures()).isEqualTo(2);
    assertThat(facts.section().connectFailures()).isEqualTo(1);
    assertThat(facts.section().delivered()).isEqualTo(1);
    assertThat(facts.findings())
        .extracting(ReportFinding::code)
        .contains("log.tls-failures", "log.connect-failures");
  }

  @Test
  void aNamedRecipientShouldBeFollowedToItsBounce() {
    byte[] log = ConformanceLog.bytes("smtp_0001", "local_0002", "smtp_0018", "bounce_0001");

    LogFacts facts =
        analysis.analyze(List.of(log("mail.log", log)), List.of("GHDSGFHDSLFH@localhost"));

    assertThat(facts.section().traces())
        .singleElement()
        .satisfies(t -> {
          assertThat(t.queueId()).isEqualTo("892A0205B6");
          assertThat(t.recipients())
              .singleElement()
              .satisfies(r -> {
                assertThat(r.status()).isEqualTo("bounced");
                assertThat(r.dsn()).isEqualTo("5.1.1");
              });
        });
    assertThat(facts.bounceCodes()).containsExactly("5.1.1");
    assertThat(facts.section().bounced()).isEqualTo(2);
    assertThat(facts.section().bounceCodes())
        .extracting(LogSection.Count::key)
        .containsExactlyInAnyOrder("5.1.1", "5.7.1");
  }

  @Test
  void aTargetNotInTheLogShouldBeSaidSo() {
    LogFacts facts =
        analysis.analyze(
            List.of(log("mail.log", ConformanceLog.bytes("smtp_0001"))), List.of("<nowhere@x>"));

    assertThat(facts.section().traces()).isEmpty();
    assertThat(facts.findings()).extracting(ReportFinding::code).contains("log.trace-not-found");
  }

  @Test
  void aGzippedLogShouldReadLikeThePlainOne() throws IOException {
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(ConformanceLog.bytes("smtp_0001", "smtp_0027"));
    }

    LogFacts facts = analysis.analyze(List.of(log("mail.log.1.gz", gz.toByteArray())), List.of());

    assertThat(facts.section().postfixLines()).isEqualTo(2);
    assertThat(facts.section().tlsFailures()).isEqualTo(1);
  }

  @Test
  void aFileWithoutPostfixLinesShouldBeRefusedByName() {
    byte[] text = "just some text\nand more\n".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> analysis.analyze(List.of(log("notes.txt", text)), List.of()))
        .isInstanceOfSatisfying(
            IntakeInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("intake.logs.not-postfix");
              assertThat(e.problems().getFirst().args()).containsExactly("notes.txt");
            });
  }

  @Test
  void binaryAndBrokenGzipFilesShouldBeRefused() throws IOException {
    byte[] binary = new byte[4096];
    Arrays.fill(binary, (byte) 0);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(ConformanceLog.bytes("smtp_0001", "smtp_0027", "smtp_0028"));
    }
    byte[] cut = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);

    assertThatThrownBy(() -> analysis.analyze(List.of(log("core", binary)), List.of()))
        .hasFieldOrPropertyWithValue("code", "intake.logs.binary");
    assertThatThrownBy(() -> analysis.analyze(List.of(log("cut.gz", cut)), List.of()))
        .hasFieldOrPropertyWithValue("code", "intake.logs.bad-gzip");
  }
}
