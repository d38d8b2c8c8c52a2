package dev.hikyaku.mailauth.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The parser is total and fast: junk, truncation and pathological input. */
class AuthenticationResultsRobustnessTests {

  private static final String SAMPLE =
      "Authentication-Results: mx.example.org 1;\r\n"
          + "\tdkim/1=pass (2048-bit (rsa) key) reason=\"good \\\"sig\\\"\" header.i=@example.com"
          + " header.b=\"Ab/Cd\";\r\n"
          + "\tspf=pass smtp.mailfrom=\"john doe\"@example.com;\r\n"
          + "\tdmarc=fail policy.dmarc=reject header.from=example.com\r\n";

  @Test
  void everyTruncationOfARealHeaderParses() {
    for (int end = 0; end <= SAMPLE.length(); end++) {
      String prefix = SAMPLE.substring(0, end);
      assertThatCode(() -> AuthenticationResultsParser.parse(prefix)).doesNotThrowAnyException();
      assertThatCode(() -> AuthenticationResultsParser.parseArc(prefix)).doesNotThrowAnyException();
    }
    assertThat(AuthenticationResultsParser.parse(SAMPLE).problems()).isEmpty();
  }

  @Test
  void randomJunkNeverThrows() {
    Random random = new Random(8601);
    String alphabet = "ab1 .;=()/\"\\@\t\r\n\u0000\u00e9x-_";
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int j = random.nextInt(120); j > 0; j--) {
              text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            AuthenticationResultsParser.parse(text.toString());
          }
        });
  }

  @Test
  void mutationsOfARealHeaderNeverThrow() {
    Random random = new Random(8617);
    String specials = ";=()\"\\@./ ";
    assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> {
          for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder(SAMPLE);
            for (int k = 1 + random.nextInt(4); k > 0; k--) {
              int at = random.nextInt(text.length());
              if (random.nextBoolean()) {
                text.deleteCharAt(at);
              } else {
                text.insert(at, specials.charAt(random.nextInt(specials.length())));
              }
            }
            ParsedAuthenticationResults parsed = AuthenticationResultsParser.parse(text.toString());
            assertThat(parsed.problems()).hasSizeLessThanOrEqualTo(HeaderScanner.MAX_PROBLEMS + 1);
          }
        });
  }

  @Test
  void junkGivesProblemsNotExceptions() {
    assertThat(AuthenticationResultsParser.parse(null).problems()).contains("no input");
    assertThat(AuthenticationResultsParser.parse("").problems()).contains("missing authserv-id");
    assertThat(AuthenticationResultsParser.parse(";;;;").problems()).isNotEmpty();
    assertThat(AuthenticationResultsParser.parse("=== ))) \"").problems()).isNotEmpty();
    assertThat(AuthenticationResultsParser.parse("a; b=c d.e=\"f").results()).hasSize(1);
  }

  @Test
  void deeplyNestedCommentsAreReadWithoutRecursion() {
    String nested = "example.com; spf=pass " + "(".repeat(60_000) + ")".repeat(60_000);

    ParsedAuthenticationResults parsed = AuthenticationResultsParser.parse(nested);

    assertThat(parsed.results()).hasSize(1);
    assertThat(parsed.problems()).anyMatch(p -> p.startsWith("comment nested deeper than"));
  }

  @Test
  void aMegabyteOfInputReturnsQuickly() {
    String[] inputs = {
      "example.com; " + "spf=pass smtp.mailfrom=a@example.com; ".repeat(30_000),
      "(".repeat(1 << 20),
      "\"".repeat(1 << 20),
      "x; a=b " + "c.d=e ".repeat(200_000),
      "\\".repeat(1 << 20)
    };
    for (String input : inputs) {
      assertThat(input.length()).isGreaterThanOrEqualTo(1 << 20);
      ParsedAuthenticationResults parsed =
          assertTimeoutPreemptively(
              Duration.ofSeconds(2), () -> AuthenticationResultsParser.parse(input));
      assertThat(parsed.problems()).anyMatch(p -> p.startsWith("input longer than"));
    }
  }

  @Test
  void resultAndPropertyCountsAreCapped() {
    ParsedAuthenticationResults manyResults =
        AuthenticationResultsParser.parse("example.com; " + "a=pass; ".repeat(1000));
    ParsedAuthenticationResults manyProperties =
        AuthenticationResultsParser.parse("example.com; a=pass " + "p.q=r ".repeat(1000));

    assertThat(manyResults.results()).hasSize(AuthenticationResultsParser.MAX_RESULTS);
    assertThat(manyProperties.results().get(0).properties())
        .hasSize(AuthenticationResultsParser.MAX_PROPERTIES);
  }
}
