package dev.hikyaku.diagnose.headers;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Fuzzes the Received field parser, the date parser and the hop analysis with Jazzer: any text
 * gives a field, a date outcome and a report, never an exception. The regression run replays the
 * corpus in every build; fuzzing proper runs with {@code JAZZER_FUZZ=1}.
 */
class ReceivedFuzzTests {

  private static final HopAnalyzer ANALYZER =
      new HopAnalyzer(Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC));

  /** The entry point for both JUnit and Jazzer's command line. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String date = data.consumeString(120);
    String received = data.consumeString(800);
    byte[] headers = data.consumeRemainingAsBytes();

    DateParse parse = MailDate.parse(date);
    switch (parse) {
      case DateParse.Parsed parsed -> assertThat(parsed.value().getYear()).isBetween(1900, 9999);
      case DateParse.Invalid invalid -> assertThat(invalid.problem()).isNotBlank();
    }
    ReceivedField field = ReceivedField.parse(received + ";" + date);
    assertThat(field.problems()).hasSizeLessThanOrEqualTo(ReceivedParser.MAX_PROBLEMS);
    field.protocol();
    HopReport report = ANALYZER.analyze(headers);
    assertThat(report.hops()).hasSizeLessThanOrEqualTo(HopAnalyzer.MAX_HOPS);
  }

  @DictionaryEntries({
    "Received: ",
    "from ",
    " by ",
    " with ESMTPSA ",
    " id ",
    " for <a@example.net>",
    " via Frontend Transport",
    "(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))",
    "(version=TLS1_2, cipher=X)",
    "(TLS1.3) tls ",
    "(Exim 4.96)",
    "(Postfix)",
    "(qmail 1 invoked from network)",
    "(HELO ",
    "helo=",
    "[IPv6:2001:db8::1]",
    "[192.0.2.1]:25",
    "; Mon, 23 Nov 2026 10:00:00 +0900 (JST)",
    "Date: ",
    "From: a@example.com"
  })
  @FuzzTest(maxDuration = "20s")
  void anyTextShouldGiveAFieldADateOutcomeAndAReport(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }
}
