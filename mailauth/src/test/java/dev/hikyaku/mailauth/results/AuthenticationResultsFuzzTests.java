package dev.hikyaku.mailauth.results;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/** Fuzzes the Authentication-Results parser: any input gives a parse result, never an exception. */
class AuthenticationResultsFuzzTests {

  /** The entry point for both JUnit and Jazzer's command line. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    boolean arc = data.consumeBoolean();
    String value = data.consumeRemainingAsString();
    ParsedAuthenticationResults parsed =
        arc
            ? AuthenticationResultsParser.parseArc(value)
            : AuthenticationResultsParser.parse(value);
    assertThat(parsed.problems()).isNotNull();
    assertThat(parsed.results()).hasSizeLessThanOrEqualTo(AuthenticationResultsParser.MAX_RESULTS);
  }

  @FuzzTest(maxDuration = "20s")
  void anyHeaderShouldParse(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }
}
