package dev.hikyaku.mailauth.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dmarc.DkimCheck;
import dev.hikyaku.mailauth.dmarc.DmarcEvaluator;
import dev.hikyaku.mailauth.dmarc.DmarcInput;
import dev.hikyaku.mailauth.dmarc.DmarcVerdict;
import dev.hikyaku.mailauth.dmarc.SpfCheck;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.mailauth.spf.SpfResult;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class AuthenticationResultsWriterTests {

  private static final String ID = "mx.hikyaku.example";

  static List<String> lines(String field) {
    return List.of(field.split("\r\n", -1));
  }

  @Test
  void writesTheAuthservIdThenEachResultOnItsOwnLine() {
    String field =
        AuthenticationResultsWriter.field(
            AuthenticationResults.of(
                ID,
                MethodResults.spf(SpfResult.PASS, "bounce@example.com", "mail.example.com"),
                MethodResults.dkim(DkimResult.PASS, "example.com", "", "s2024", "AbCd1234"),
                MethodResult.of("dmarc", "pass").withProperty("header", "from", "example.com")));

    assertThat(field)
        .isEqualTo(
            "Authentication-Results: mx.hikyaku.example;\r\n"
                + "\tspf=pass smtp.mailfrom=bounce@example.com smtp.helo=mail.example.com;\r\n"
                + "\tdkim=pass header.d=example.com header.s=s2024 header.b=AbCd1234;\r\n"
                + "\tdmarc=pass header.from=example.com");
  }

  @Test
  void writesNoneWhenThereIsNoResult() {
    assertThat(AuthenticationResultsWriter.field(AuthenticationResults.of(ID)))
        .isEqualTo("Authentication-Results: mx.hikyaku.example; none");
  }

  @Test
  void writesVersionsReasonsAndComments() {
    AuthenticationResults results =
        new AuthenticationResults(
            ID,
            OptionalInt.of(1),
            List.of(
                MethodResult.of("dkim", "fail")
                    .withVersion(1)
                    .withComment("bad (body) hash")
                    .withReason("body hash mismatch")
                    .withProperty("header", "i", "@example.com")));

    assertThat(AuthenticationResultsWriter.field(results))
        .isEqualTo(
            "Authentication-Results: mx.hikyaku.example 1;\r\n"
                + "\tdkim/1=fail (bad \\(body\\) hash) reason=\"body hash mismatch\"\r\n"
                + "\theader.i=@example.com");
  }

  @Test
  void quotesValuesThatAreNotTokensOrAddresses() {
    MethodResult result =
        MethodResult.of("x-test", "pass")
            .withProperty("header", "b", "ab/cd+e=")
            .withProperty("smtp", "mailfrom", "\"john doe\"@example.com")
            .withProperty("policy", "note", "two words")
            .withProperty("header", "from", "example.com")
            .withProperty("smtp", "mailfrom", "user+tag@example.com")
            .withProperty("policy", "empty", "");

    String field = AuthenticationResultsWriter.field(AuthenticationResults.of("mx (1)", result));

    assertThat(field)
        .startsWith("Authentication-Results: \"mx (1)\";")
        .contains("header.b=\"ab/cd+e=\"")
        .contains("smtp.mailfrom=\"\\\"john doe\\\"@example.com\"")
        .contains("policy.note=\"two words\"")
        .contains("header.from=example.com")
        .contains("smtp.mailfrom=user+tag@example.com")
        .contains("policy.empty=\"\"");
  }

  @Test
  void foldsLinesAtSeventyEightColumns() {
    MethodResult spf = MethodResults.spf(SpfResult.SOFTFAIL, "x@example.com", "h.example.com");
    for (int i = 0; i < 8; i++) {
      spf = spf.withProperty("policy", "p" + i, "value-number-" + i);
    }
    String field = AuthenticationResultsWriter.field(AuthenticationResults.of(ID, spf));

    assertThat(lines(field))
        .hasSizeGreaterThan(3)
        .allSatisfy(l -> assertThat(l).hasSizeLessThan(79));
    assertThat(lines(field).subList(1, lines(field).size())).allMatch(l -> l.startsWith("\t"));
  }

  @Test
  void foldsALongReasonAtItsOwnSpacesSoThatUnfoldingRestoresIt() {
    String reason = "the quick brown fox jumps over the lazy dog ".repeat(5).strip();
    String field =
        AuthenticationResultsWriter.field(
            AuthenticationResults.of(ID, MethodResult.of("dmarc", "fail").withReason(reason)));

    assertThat(lines(field)).allSatisfy(l -> assertThat(l).hasSizeLessThan(79));
    assertThat(AuthenticationResultsParser.parse(field).results().get(0).reason()).contains(reason);
  }

  @Test
  void writesTheArcInstanceFirst() {
    String field =
        AuthenticationResultsWriter.arcField(
            2, AuthenticationResults.of(ID, MethodResult.of("arc", "pass")));

    assertThat(field)
        .isEqualTo("ARC-Authentication-Results: i=2; mx.hikyaku.example;\r\n\tarc=pass");
    assertThatThrownBy(() -> AuthenticationResultsWriter.arcField(0, AuthenticationResults.of(ID)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void lineBreaksCannotBeSmuggledIntoAHeader() {
    assertThatThrownBy(() -> MethodResult.of("spf", "pass").withReason("ok\r\nX-Evil: 1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Property("smtp", "mailfrom", "a@b\nX: y"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MethodResult.of("spf", "pass").withComment("a\u0000b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> AuthenticationResults.of("mx\r\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> MethodResult.of("sp f", "pass"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void writesOurDmarcVerdict() {
    InMemoryZone zone = new InMemoryZone().txt("_dmarc.example.com", "v=DMARC1; p=reject; t=y");
    DmarcVerdict verdict =
        new DmarcEvaluator(zone)
            .evaluate(
                DmarcInput.of(
                    "example.com",
                    SpfCheck.of(SpfResult.PASS, "example.net"),
                    DkimCheck.of(DkimResult.PASS, "example.org", "s1")));

    MethodResult dmarc = MethodResults.dmarc(verdict);

    assertThat(dmarc.result()).isEqualTo("fail");
    assertThat(dmarc.property("header", "from")).contains("example.com");
    assertThat(dmarc.property("policy", "dmarc")).contains("quarantine");
    assertThat(dmarc.reason()).hasValueSatisfying(r -> assertThat(r).contains("t=y"));
    String field = AuthenticationResultsWriter.field(AuthenticationResults.of(ID, dmarc));
    assertThat(AuthenticationResultsParser.parse(field).results()).containsExactly(dmarc);
  }
}
