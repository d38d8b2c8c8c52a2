package dev.hikyaku.mailauth.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dmarc.DmarcEvaluator;
import dev.hikyaku.mailauth.dmarc.DmarcInput;
import dev.hikyaku.mailauth.dmarc.DmarcVerdict;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Attacker text in our own results (signature tags, record text, From domains, MAIL FROM, HELO) is
 * cleaned and cut, never thrown on, and the field stays within RFC 5322 §2.1.1's 998 octets.
 */
class AuthenticationResultsHostileValueTests {

  private static final String ID = "mx.hikyaku.example";
  private static final String INJECTION = "bad\r\nX-Evil: 1\u0000\u007f\u0085\u2028 \t end ";

  private static String hugeReason() {
    StringBuilder reason = new StringBuilder(INJECTION);
    while (reason.length() < 10_000) {
      reason.append("word\r\n ").append("€".repeat(400)).append('\u0001');
    }
    return reason.substring(0, 10_000);
  }

  private static void assertEveryLineFits(String field) {
    for (String line : field.split("\r\n", -1)) {
      assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(998);
    }
  }

  private static void assertClean(String text, int max) {
    assertThat(text).hasSizeLessThanOrEqualTo(max).doesNotContain("  ").isEqualTo(text.strip());
    assertThat(text.chars()).noneMatch(c -> Character.isISOControl(c) || c == '\u2028');
  }

  @Test
  void aTenThousandCharacterReasonWithControlCharactersIsCleanedCutAndParsesBack() {
    DkimVerification signature =
        new DkimVerification(
            DkimResult.PERMERROR,
            hugeReason(),
            "exa\r\n\tmple.com",
            "s\u0001el",
            "@" + "sub.".repeat(100) + "example.com",
            "rsa-sha256",
            0,
            "AbCd\r\n Ef12",
            false);
    AuthenticationResults results =
        AuthenticationResults.of(
            ID,
            MethodResults.spf(
                SpfResult.PERMERROR, "a\r\n b@example.com", "helo\u0001.example", hugeReason()),
            MethodResults.dkim(signature));

    String field = AuthenticationResultsWriter.field(results);

    assertEveryLineFits(field);
    assertThat(field).doesNotContain("\nX-Evil").doesNotContain("\u0000");
    ParsedAuthenticationResults parsed = AuthenticationResultsParser.parse(field);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.authenticationResults()).contains(results);
    MethodResult spf = results.results().get(0);
    assertThat(spf.reason()).hasValueSatisfying(r -> assertClean(r, 300));
    assertThat(spf.reason().orElseThrow()).startsWith("bad X-Evil: 1 end word €€€").endsWith("...");
    assertThat(spf.property("smtp", "mailfrom")).contains("a b@example.com");
    assertThat(spf.property("smtp", "helo")).contains("helo .example");
    MethodResult dkim = results.results().get(1);
    assertThat(dkim.property("header", "d")).contains("exa mple.com");
    assertThat(dkim.property("header", "s")).contains("s el");
    assertThat(dkim.property("header", "b")).contains("AbCd Ef12");
    assertThat(dkim.property("header", "i"))
        .hasValueSatisfying(i -> assertThat(i).hasSize(200).endsWith("..."));
  }

  @Test
  void anUnbreakableReasonOfMultiByteCharactersIsCutWithoutSplittingAPair() {
    String emoji = "\uD83D\uDE00";
    MethodResult spf =
        MethodResults.spf(SpfResult.FAIL, "", "", "x" + emoji.repeat(5_000) + "\"\\".repeat(100));

    String reason = spf.reason().orElseThrow();
    assertThat(reason).endsWith("...").hasSizeLessThanOrEqualTo(300);
    assertThat(Character.isHighSurrogate(reason.charAt(reason.length() - 4))).isFalse();
    String field = AuthenticationResultsWriter.field(AuthenticationResults.of(ID, spf));
    assertEveryLineFits(field);
    assertThat(AuthenticationResultsParser.parse(field).results()).containsExactly(spf);
  }

  @Test
  void valuesLeftEmptyByCleaningAreLeftOut() {
    MethodResult spf = MethodResults.spf(SpfResult.NONE, "\r\n", "\u0000\t", "\u007f");

    assertThat(spf.properties()).isEmpty();
    assertThat(spf.reason()).isEmpty();
  }

  @Test
  void aDmarcVerdictQuotingAnInvalidFromDomainIsWrittenCleanly() {
    DmarcVerdict verdict =
        new DmarcEvaluator(new InMemoryZone())
            .evaluate(
                new DmarcInput(
                    List.of("evil\u0001.example\r\nX-Evil: 1", "x".repeat(5_000)),
                    Optional.empty(),
                    List.of()));

    MethodResult dmarc = MethodResults.dmarc(verdict);

    assertThat(dmarc.result()).isEqualTo("permerror");
    assertThat(dmarc.reason()).hasValueSatisfying(r -> assertClean(r, 300));
    String field = AuthenticationResultsWriter.field(AuthenticationResults.of(ID, dmarc));
    assertEveryLineFits(field);
    assertThat(AuthenticationResultsParser.parse(field).results()).containsExactly(dmarc);
  }

  @Test
  void aLongQuotedReasonFoldsAgainAfterARunTooLongForALine() {
    String reason = "start " + "x".repeat(120) + " then" + " a few more words".repeat(10);
    MethodResult spf = MethodResult.of("spf", "fail").withReason(reason);

    String field = AuthenticationResultsWriter.field(AuthenticationResults.of(ID, spf));

    List<String> lines = List.of(field.split("\r\n", -1));
    assertThat(lines).filteredOn(l -> l.length() > 78).hasSize(1);
    assertThat(lines.get(lines.size() - 1)).endsWith("words\"");
    assertThat(AuthenticationResultsParser.parse(field).results()).containsExactly(spf);
  }
}
