package dev.hikyaku.diagnose.headers;

import static dev.hikyaku.diagnose.headers.HopAnalyzerTests.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Huge, truncated and binary header blocks give a report with findings, fast, never a crash. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class HopHostileInputTests {

  static final HopAnalyzer ANALYZER = new HopAnalyzer(NOW);

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void tenThousandReceivedFieldsAreALoopAndOnlyTheNewestAreAnalysed() {
    StringBuilder headers = new StringBuilder();
    for (int i = 9_999; i >= 0; i--) {
      headers
          .append("Received: from h")
          .append(i)
          .append(".example.com ([192.0.2.1]) by h")
          .append(i + 1)
          .append(".example.com with ESMTPS id ")
          .append(i)
          .append(";\r\n\tMon, 23 Nov 2026 10:00:00 +0900\r\n");
    }
    headers.append("From: a@example.com\r\nDate: Mon, 23 Nov 2026 10:00:00 +0900\r\n\r\n");

    HopReport report = ANALYZER.analyze(headers.toString());

    assertThat(report.receivedCount()).isEqualTo(10_000);
    assertThat(report.hops()).hasSize(HopAnalyzer.MAX_HOPS);
    assertThat(report.hops().get(0).received().id()).contains("9800");
    assertThat(report.hops().get(HopAnalyzer.MAX_HOPS - 1).received().id()).contains("9999");
    assertThat(report.withCode("received.loop"))
        .singleElement()
        .extracting(Finding::severity)
        .isEqualTo(Severity.PROBLEM);
    assertThat(report.withCode("received.truncated")).hasSize(1);
  }

  @Test
  void aOneMegabyteReceivedFieldIsOneUnreadableHop() {
    String headers =
        "Received: "
            + "x".repeat(1_000_000)
            + "\r\nFrom: a@example.com\r\n"
            + "Date: Mon, 23 Nov 2026 10:00:00 +0900\r\n\r\n";

    HopReport report = ANALYZER.analyze(headers);

    assertThat(report.hops()).hasSize(1);
    assertThat(report.withCode("received.unparseable")).hasSize(1);
    assertThat(report.findings()).allSatisfy(f -> assertThat(f.message()).hasSizeLessThan(400));
  }

  @Test
  void aOneMegabyteFieldFoldedIntoManyLinesIsRead() {
    String folded =
        "Received: from a.example.com"
            + "\r\n\t(comment)".repeat(100_000)
            + " by mx.example.net; Mon, 23 Nov 2026 10:00:00 +0900\r\n\r\n";

    HopReport report = ANALYZER.analyze(folded);

    assertThat(report.hops())
        .singleElement()
        .satisfies(hop -> assertThat(hop.received().by()).contains("mx.example.net"));
  }

  @Test
  void aHeaderBlockLargerThanTheLimitIsReportedAsTruncated() {
    String line = "X-Filler: " + "y".repeat(988) + "\r\n";
    String headers =
        "Received: from a.example.com by mx.example.net; Mon, 23 Nov 2026 10:00:00 +0900\r\n"
            + line.repeat(HopAnalyzer.MAX_HEADER_BYTES / line.length() + 10);

    HopReport report = ANALYZER.analyze(headers);

    assertThat(report.withCode("headers.truncated")).hasSize(1);
    assertThat(report.hops()).hasSize(1);
  }

  @Test
  void aTruncatedHeaderBlockGivesWhatWasThere() {
    HopReport report =
        ANALYZER.analyze("Received: from a.example.com (a.example.com [192.0.2.1]) by mx.exa");

    assertThat(report.hops())
        .singleElement()
        .satisfies(hop -> assertThat(hop.received().fromAddress()).contains("192.0.2.1"));
    assertThat(report.withCode("received.malformed")).hasSize(1);
    assertThat(report.withCode("date.missing")).hasSize(1);
  }

  @Test
  void eightBitAndRandomBytesNeverCrash() {
    Random random = new Random(5322);
    for (int round = 0; round < 200; round++) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      out.writeBytes(bytes("Received: from "));
      byte[] noise = new byte[random.nextInt(2000)];
      random.nextBytes(noise);
      out.writeBytes(noise);
      out.writeBytes(bytes("; Mon, 23 Nov 2026 10:00:00 +0900\r\nDate: "));
      out.write(noise, 0, Math.min(noise.length, 40));
      out.writeBytes(bytes("\r\n\r\n"));

      HopReport report = ANALYZER.analyze(out.toByteArray());

      assertThat(report.findings()).isNotNull();
    }
  }

  @Test
  void latin1AndShiftJisBytesInAReceivedFieldAreReplacedNotFatal() {
    byte[] message = {
      'R',
      'e',
      'c',
      'e',
      'i',
      'v',
      'e',
      'd',
      ':',
      ' ',
      'f',
      'r',
      'o',
      'm',
      ' ',
      (byte) 0x93,
      (byte) 0xfa,
      (byte) 0x96,
      (byte) 0x7b,
      ' ',
      'b',
      'y',
      ' ',
      'm',
      'x',
      '.',
      'e',
      'x',
      'a',
      'm',
      'p',
      'l',
      'e',
      '.',
      'n',
      'e',
      't',
      ';',
      ' ',
      '2',
      '3',
      ' ',
      'N',
      'o',
      'v',
      ' ',
      '2',
      '0',
      '2',
      '6',
      ' ',
      '1',
      '0',
      ':',
      '0',
      '0',
      ' ',
      '+',
      '0',
      '9',
      '0',
      '0',
      '\r',
      '\n'
    };

    HopReport report = ANALYZER.analyze(message);

    assertThat(report.hops())
        .singleElement()
        .satisfies(hop -> assertThat(hop.received().by()).contains("mx.example.net"));
  }
}
