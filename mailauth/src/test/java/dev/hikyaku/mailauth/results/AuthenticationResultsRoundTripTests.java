package dev.hikyaku.mailauth.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Writing then parsing gives back the same values. */
class AuthenticationResultsRoundTripTests {

  private static void assertRoundTrip(AuthenticationResults results) {
    ParsedAuthenticationResults parsed =
        AuthenticationResultsParser.parse(AuthenticationResultsWriter.field(results));
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.authenticationResults()).contains(results);

    ParsedAuthenticationResults arc =
        AuthenticationResultsParser.parse(AuthenticationResultsWriter.arcField(7, results));
    assertThat(arc.arcInstance()).isEqualTo(OptionalInt.of(7));
    assertThat(arc.authenticationResults()).contains(results);
  }

  @Test
  void ourUsualFieldSurvivesARoundTrip() {
    assertRoundTrip(
        AuthenticationResults.of(
            "mx.hikyaku.example",
            MethodResults.spf(SpfResult.PASS, "bounce+x=y@example.com", "mail.example.com"),
            MethodResults.dkim(DkimResult.FAIL, "example.com", "@example.com", "s1", "Ab/+Cd=")
                .withReason("signature did not verify"),
            MethodResult.of("dmarc", "fail")
                .withProperty("header", "from", "example.com")
                .withProperty("policy", "dmarc", "quarantine"),
            MethodResult.of("arc", "none")));
  }

  @Test
  void noneSurvivesARoundTrip() {
    assertRoundTrip(new AuthenticationResults("mx.example", OptionalInt.of(1), List.of()));
  }

  @Test
  void awkwardValuesSurviveARoundTrip() {
    assertRoundTrip(
        AuthenticationResults.of(
            "host name with spaces",
            MethodResult.of("x-odd", "pass")
                .withVersion(2)
                .withComment("(nested) \\ back")
                .withComment("")
                .withReason("  leading and trailing  ")
                .withProperty("header", "a", "")
                .withProperty("header", "b", "\"quoted\"@example.com")
                .withProperty("header", "c", "semi;colon=equals")
                .withProperty("header", "d", "tab\there")
                .withProperty("header", "e", "ünïcödé")
                .withProperty("header", "f", "@example.com")
                .withProperty("header", "g", "x".repeat(120))));
  }

  @Test
  void randomValuesSurviveARoundTrip() {
    Random random = new Random(2045);
    String alphabet = "aZ09 .;=()/\"\\@\t-_+é";
    for (int i = 0; i < 2_000; i++) {
      List<MethodResult> results = new ArrayList<>();
      for (int r = random.nextInt(4); r > 0; r--) {
        MethodResult result = MethodResult.of("m" + random.nextInt(5), "pass");
        if (random.nextBoolean()) {
          result = result.withReason(randomText(random, alphabet));
        }
        if (random.nextInt(4) == 0) {
          result = result.withComment(randomText(random, alphabet));
        }
        for (int p = random.nextInt(4); p > 0; p--) {
          result = result.withProperty("header", "p" + p, randomText(random, alphabet));
        }
        results.add(result);
      }
      String id = random.nextBoolean() ? "mx.example" : randomText(random, alphabet) + "x";
      assertRoundTrip(new AuthenticationResults(id, OptionalInt.empty(), results));
    }
  }

  @Test
  void parsedThirdPartyResultsCanBeWrittenAgain() {
    ParsedAuthenticationResults parsed =
        AuthenticationResultsParser.parse(
            "mx.google.com; dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com");
    AuthenticationResults results = parsed.authenticationResults().orElseThrow();

    assertRoundTrip(results);
    assertThat(results.resultsFor("dmarc").get(0).reason()).isEqualTo(Optional.empty());
  }

  private static String randomText(Random random, String alphabet) {
    StringBuilder text = new StringBuilder();
    for (int n = random.nextInt(100); n > 0; n--) {
      text.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return text.toString();
  }
}
