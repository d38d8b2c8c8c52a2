package dev.hikyaku.diagnose.encoding;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the charset detector and the encoding analysis with Jazzer: any bytes give a detection and
 * a bounded report, never an exception. The regression run replays the corpus in every build;
 * fuzzing proper runs with {@code JAZZER_FUZZ=1}.
 */
class EncodingFuzzTests {

  private static final EncodingLimits LIMITS = new EncodingLimits(4096, 20, 1 << 20);
  private static final EncodingAnalyzer ANALYZER = new EncodingAnalyzer(LIMITS);

  /** The entry point for both JUnit and Jazzer's command line. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    byte[] text = data.consumeBytes(300);
    byte[] message = data.consumeRemainingAsBytes();

    switch (CharsetDetector.detect(text)) {
      case Detection.Detected detected -> assertThat(detected.evidence()).isNotBlank();
      case Detection.Undetermined undetermined -> assertThat(undetermined.reason()).isNotBlank();
    }
    EncodingReport report = ANALYZER.analyze(message);
    assertThat(report.parts()).hasSizeLessThanOrEqualTo(LIMITS.maxParts());
    assertThat(report.headers()).hasSizeLessThanOrEqualTo(MessageWalk.MAX_HEADERS);
    assertThat(report.parts())
        .allSatisfy(
            p -> assertThat(p.analysedBytes()).isLessThanOrEqualTo(LIMITS.partPrefixBytes()));
  }

  // libFuzzer's dictionary is line-based: entries without line ends or other control characters.
  @DictionaryEntries({
    "MIME-Version: 1.0",
    "Content-Type: multipart/mixed; boundary=b",
    "--b",
    "--b--",
    "Content-Type: text/plain; charset=ISO-2022-JP",
    "Content-Type: message/rfc822",
    "Content-Transfer-Encoding: base64",
    "Content-Transfer-Encoding: quoted-printable",
    "Subject: ",
    "=?ISO-2022-JP?B?GyRCJDMkcxsoQg==?=",
    "=?UTF-8?Q?=E4=BC=9A?=",
    "=?SJIS?B?",
    "?=",
    "$B",
    "(B",
    "(I"
  })
  @FuzzTest(maxDuration = "20s")
  void anyBytesShouldGiveADetectionAndABoundedReport(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }
}
