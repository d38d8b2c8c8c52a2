package dev.hikyaku.mailauth.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The RFC 8601 §2.2 grammar, including the examples of RFC 8601 Appendix B. */
class AuthenticationResultsParserTests {

  static ParsedAuthenticationResults parse(String text) {
    return AuthenticationResultsParser.parse(text);
  }

  static ParsedAuthenticationResults clean(String text) {
    ParsedAuthenticationResults parsed = parse(text);
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.isWellFormed()).isTrue();
    return parsed;
  }

  @Test
  void readsTheNoResultForm() {
    // RFC 8601 Appendix B.2.
    ParsedAuthenticationResults parsed = clean("Authentication-Results: example.org 1; none");

    assertThat(parsed.authservId()).contains("example.org");
    assertThat(parsed.version()).isEqualTo(OptionalInt.of(1));
    assertThat(parsed.noResult()).isTrue();
    assertThat(parsed.results()).isEmpty();
  }

  @Test
  void readsSeveralResultsWithPropertiesAndComments() {
    // RFC 8601 Appendix B.4.
    ParsedAuthenticationResults parsed =
        clean(
            "Authentication-Results: example.com;\r\n"
                + "          auth=pass (cram-md5) smtp.auth=sender@example.net;\r\n"
                + "          spf=pass smtp.mailfrom=example.net\r\n");

    assertThat(parsed.results()).hasSize(2);
    MethodResult auth = parsed.results().get(0);
    assertThat(auth.method()).isEqualTo("auth");
    assertThat(auth.result()).isEqualTo("pass");
    assertThat(auth.comments()).containsExactly("cram-md5");
    assertThat(auth.property("smtp", "auth")).contains("sender@example.net");
    assertThat(parsed.results().get(1).property("smtp", "mailfrom")).contains("example.net");
  }

  @Test
  void readsQuotedReasons() {
    // RFC 8601 Appendix B.6.
    ParsedAuthenticationResults parsed =
        clean(
            "example.com;\r\n"
                + "      dkim=pass reason=\"good signature\"\r\n"
                + "        header.i=@mail-router.example.net;\r\n"
                + "      dkim=fail reason=\"bad signature\"\r\n"
                + "        header.i=@newyork.example.com");

    assertThat(parsed.resultsFor("dkim"))
        .extracting(r -> r.reason().orElseThrow())
        .containsExactly("good signature", "bad signature");
    assertThat(parsed.results().get(0).property("header", "i"))
        .contains("@mail-router.example.net");
  }

  @Test
  void commentsMayStandAnywhereCfwsMay() {
    ParsedAuthenticationResults parsed =
        clean(
            "(c0) example.com (c1) 1 (c2) ; (c3) spf (c4) / (c5) 1 (c6) = (c7) pass (c8)"
                + " reason (c9) = (c10) \"ok\" (c11) smtp (c12) . (c13) mailfrom (c14) ="
                + " (c15) user@example.com (c16)");

    MethodResult spf = parsed.results().get(0);
    assertThat(parsed.authservId()).contains("example.com");
    assertThat(parsed.version()).isEqualTo(OptionalInt.of(1));
    assertThat(spf.version()).isEqualTo(OptionalInt.of(1));
    assertThat(spf.reason()).contains("ok");
    assertThat(spf.property("smtp", "mailfrom")).contains("user@example.com");
    assertThat(spf.comments())
        .containsExactly(
            "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13", "c14", "c15", "c16");
  }

  @Test
  void nestedCommentsAndQuotedPairsAreOneComment() {
    ParsedAuthenticationResults parsed =
        clean("example.com; dkim=pass (outer (inner \\) still inner) done) header.d=example.com");

    assertThat(parsed.results().get(0).comments())
        .containsExactly("outer (inner ) still inner) done");
    assertThat(parsed.results().get(0).property("header", "d")).contains("example.com");
  }

  @Test
  void semicolonsInsideCommentsAndQuotedStringsDoNotEndAResult() {
    ParsedAuthenticationResults parsed =
        clean(
            "mx.example.org; spf=pass (client-ip=192.0.2.1; helo=h.example.com)"
                + " smtp.mailfrom=example.com; dmarc=fail reason=\"a; b\" header.from=example.com");

    assertThat(parsed.results()).extracting(MethodResult::method).containsExactly("spf", "dmarc");
    assertThat(parsed.results().get(1).reason()).contains("a; b");
  }

  @Test
  void valuesMayBeQuotedStringsOrAddressesWithQuotedLocalParts() {
    ParsedAuthenticationResults parsed =
        clean(
            "\"mx example\"; spf=pass smtp.mailfrom=\"john doe\"@example.com"
                + " smtp.helo=\"mail.example.com\" policy.x=\"a \\\"b\\\" c\"");

    MethodResult spf = parsed.results().get(0);
    assertThat(parsed.authservId()).contains("mx example");
    assertThat(spf.property("smtp", "mailfrom")).contains("\"john doe\"@example.com");
    assertThat(spf.property("smtp", "helo")).contains("mail.example.com");
    assertThat(spf.property("policy", "x")).contains("a \"b\" c");
  }

  @Test
  void methodResultAndPropertyNamesAreCaseInsensitive() {
    ParsedAuthenticationResults parsed = clean("example.com; DKIM=PASS Header.D=Example.COM");

    MethodResult dkim = parsed.resultsFor("dkim").get(0);
    assertThat(dkim.result()).isEqualTo("pass");
    assertThat(dkim.property("header", "d")).contains("Example.COM");
    assertThat(dkim.properties()).containsExactly(new Property("header", "d", "Example.COM"));
  }

  @Test
  void aMethodNamedLikeNoneIsStillAMethod() {
    ParsedAuthenticationResults parsed = clean("example.com; none=pass");

    assertThat(parsed.noResult()).isFalse();
    assertThat(parsed.results()).containsExactly(MethodResult.of("none", "pass"));
  }

  @Test
  void readsArcAuthenticationResults() {
    ParsedAuthenticationResults parsed =
        clean("ARC-Authentication-Results: i=3; lists.example.org; arc=pass; dkim=pass");

    assertThat(parsed.arcInstance()).isEqualTo(OptionalInt.of(3));
    assertThat(parsed.authservId()).contains("lists.example.org");
    assertThat(parsed.results()).extracting(MethodResult::method).containsExactly("arc", "dkim");
    assertThat(AuthenticationResultsParser.parseArc(" i = 1 ; mx.example; none").arcInstance())
        .isEqualTo(OptionalInt.of(1));
  }

  @Test
  void aMissingArcInstanceIsAProblem() {
    ParsedAuthenticationResults parsed =
        AuthenticationResultsParser.parseArc("mx.example; arc=none");

    assertThat(parsed.problems()).anyMatch(p -> p.contains("ARC instance"));
    assertThat(parsed.results()).containsExactly(MethodResult.of("arc", "none"));
  }

  @Test
  void aSyntaxErrorSkipsOnlyToTheNextResult() {
    ParsedAuthenticationResults parsed =
        parse("example.com; spf pass; dkim=; dmarc=pass header.from=example.com");

    assertThat(parsed.results()).extracting(MethodResult::method).containsExactly("dmarc");
    assertThat(parsed.problems())
        .containsExactly("expected '=' after method spf", "no result for method dkim");
    assertThat(parsed.authenticationResults()).isPresent();
  }

  @Test
  void deviationsAreReadButListedAsProblems() {
    ParsedAuthenticationResults parsed =
        parse("example.com; dmarc=pass action=none header.from=example.com; ");

    assertThat(parsed.results().get(0).properties())
        .containsExactly(
            new Property("", "action", "none"), new Property("header", "from", "example.com"));
    assertThat(parsed.problems()).containsExactly("property without ptype: action", "trailing ';'");
    assertThat(parsed.isWellFormed()).isFalse();
  }

  @Test
  void unterminatedCommentsAndQuotesAreReported() {
    assertThat(parse("example.com; spf=pass (unterminated").problems())
        .anyMatch(p -> p.startsWith("unterminated comment"));
    assertThat(parse("example.com; spf=pass reason=\"unterminated").problems())
        .anyMatch(p -> p.startsWith("unterminated quoted-string"));
  }

  @Test
  void bareLineFeedFoldsAreUnfolded() {
    ParsedAuthenticationResults parsed =
        clean("example.com;\n\tspf=pass\n smtp.mailfrom=a@b.example\n");

    assertThat(parsed.results().get(0).properties()).hasSize(1);
  }

  @Test
  void resultsListsAreKeptInOrder() {
    ParsedAuthenticationResults parsed = clean("e.example; a=pass; b=fail; c=none");

    assertThat(parsed.results())
        .isEqualTo(
            List.of(
                MethodResult.of("a", "pass"),
                MethodResult.of("b", "fail"),
                MethodResult.of("c", "none")));
  }
}
