package dev.hikyaku.mailauth.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Header fields in the styles deployed receivers write them (samples written for these tests, with
 * documentation addresses and made-up signatures).
 */
class AuthenticationResultsRealWorldTests {

  static ParsedAuthenticationResults parse(String text) {
    return AuthenticationResultsParser.parse(text);
  }

  @Test
  void readsGmailFields() {
    ParsedAuthenticationResults parsed =
        parse(
            "Authentication-Results: mx.google.com;\r\n"
                + "       dkim=pass header.i=@example.com header.s=20230601 header.b=Qm+8/xYz;\r\n"
                + "       spf=pass (google.com: domain of alice@example.com designates"
                + " 198.51.100.7 as permitted sender) smtp.mailfrom=alice@example.com;\r\n"
                + "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=example.com;\r\n"
                + "       dara=pass header.i=@example.com\r\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.authservId()).contains("mx.google.com");
    assertThat(parsed.results())
        .extracting(MethodResult::method)
        .containsExactly("dkim", "spf", "dmarc", "dara");
    assertThat(parsed.results().get(0).property("header", "b")).contains("Qm+8/xYz");
    assertThat(parsed.results().get(1).comments().get(0)).startsWith("google.com: domain of");
    MethodResult dmarc = parsed.resultsFor("dmarc").get(0);
    assertThat(dmarc.result()).isEqualTo("pass");
    assertThat(dmarc.comments()).containsExactly("p=REJECT sp=REJECT dis=NONE");
    assertThat(dmarc.property("header", "from")).contains("example.com");
  }

  @Test
  void readsGmailArcFields() {
    ParsedAuthenticationResults parsed =
        parse(
            "ARC-Authentication-Results: i=1; mx.google.com;\r\n"
                + "       dkim=pass header.i=@example.com header.s=s1 header.b=\"AbCd/12=\";\r\n"
                + "       spf=softfail (google.com: domain of transitioning x@example.net does not"
                + " designate 203.0.113.9 as permitted sender) smtp.mailfrom=x@example.net;\r\n"
                + "       dmarc=fail (p=QUARANTINE sp=QUARANTINE dis=QUARANTINE)"
                + " header.from=example.net\r\n");

    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.arcInstance()).isEqualTo(OptionalInt.of(1));
    assertThat(parsed.resultsFor("dkim").get(0).property("header", "b")).contains("AbCd/12=");
    assertThat(parsed.resultsFor("spf").get(0).result()).isEqualTo("softfail");
    assertThat(parsed.resultsFor("dmarc").get(0).result()).isEqualTo("fail");
  }

  @Test
  void readsMicrosoft365FieldsThatLackAnAuthservId() {
    ParsedAuthenticationResults parsed =
        parse(
            "Authentication-Results: spf=pass (sender IP is 198.51.100.7)\r\n"
                + " smtp.mailfrom=example.com; dkim=pass (signature was verified)\r\n"
                + " header.d=example.com;dmarc=pass action=none\r\n"
                + " header.from=example.com;compauth=pass reason=100\r\n");

    assertThat(parsed.authservId()).isEmpty();
    assertThat(parsed.authenticationResults()).isEmpty();
    assertThat(parsed.results())
        .extracting(MethodResult::method)
        .containsExactly("spf", "dkim", "dmarc", "compauth");
    assertThat(parsed.resultsFor("dmarc").get(0).property("", "action")).contains("none");
    assertThat(parsed.resultsFor("dmarc").get(0).property("header", "from"))
        .contains("example.com");
    assertThat(parsed.resultsFor("compauth").get(0).reason()).contains("100");
    assertThat(parsed.problems())
        .containsExactly("missing authserv-id", "property without ptype: action");
  }

  @Test
  void readsMicrosoft365ArcFieldsWithAVersion() {
    ParsedAuthenticationResults parsed =
        parse(
            "ARC-Authentication-Results: i=1; mx.microsoft.com 1; spf=pass\r\n"
                + " smtp.mailfrom=example.com; dmarc=pass action=none\r\n"
                + " header.from=example.com; dkim=pass header.d=example.com; arc=none");

    assertThat(parsed.arcInstance()).isEqualTo(OptionalInt.of(1));
    assertThat(parsed.authservId()).contains("mx.microsoft.com");
    assertThat(parsed.version()).isEqualTo(OptionalInt.of(1));
    assertThat(parsed.results()).hasSize(4);
  }

  @Test
  void readsYahooFieldsWithCommentsGluedToResults() {
    ParsedAuthenticationResults parsed =
        parse(
            "Authentication-Results: atlas-production.v2.mail-production.omega.bf1.yahoo.com;\r\n"
                + " dkim=pass header.i=@example.com header.s=s2048;\r\n"
                + " spf=pass smtp.mailfrom=example.com;\r\n"
                + " dmarc=pass(p=REJECT) header.from=example.com;\r\n");

    assertThat(parsed.results())
        .extracting(MethodResult::method)
        .containsExactly("dkim", "spf", "dmarc");
    assertThat(parsed.resultsFor("dmarc").get(0).comments()).containsExactly("p=REJECT");
    assertThat(parsed.problems()).containsExactly("trailing ';'");
  }

  @Test
  void readsFastmailCyrusFieldsWithManyProperties() {
    ParsedAuthenticationResults parsed =
        parse(
            "Authentication-Results: mx4.messagingengine.com;\r\n"
                + "    dkim=pass (2048-bit rsa key sha256) header.d=example.com\r\n"
                + "      header.i=@example.com header.b=Ab12Cd34 header.a=rsa-sha256\r\n"
                + "      header.s=fm1 x-bits=2048;\r\n"
                + "    dmarc=pass policy.published-domain-policy=none\r\n"
                + "      policy.applied-disposition=none policy.evaluated-disposition=none\r\n"
                + "      (p=none,d=none,d.eval=none) policy.policy-from=p\r\n"
                + "      header.from=example.com;\r\n"
                + "    iprev=pass smtp.remote-ip=198.51.100.7 (out1.example.com);\r\n"
                + "    spf=pass smtp.mailfrom=user@example.com smtp.helo=out1.example.com;\r\n"
                + "    x-aligned-from=pass (Address match);\r\n"
                + "    x-return-mx=pass header.domain=example.com policy.is_org=yes\r\n"
                + "      (MX Records found: in1.example.com,in2.example.com);\r\n"
                + "    x-tls=pass smtp.version=TLSv1.3 smtp.cipher=TLS_AES_256_GCM_SHA384\r\n"
                + "      smtp.bits=256/256;\r\n"
                + "    x-vs=clean score=-100 state=0\r\n");

    assertThat(parsed.authservId()).contains("mx4.messagingengine.com");
    assertThat(parsed.results()).hasSize(8);
    assertThat(parsed.resultsFor("dmarc").get(0).property("policy", "applied-disposition"))
        .contains("none");
    assertThat(parsed.resultsFor("x-return-mx").get(0).property("policy", "is_org"))
        .contains("yes");
    assertThat(parsed.resultsFor("x-tls").get(0).property("smtp", "bits")).contains("256/256");
    assertThat(parsed.resultsFor("x-vs").get(0).property("", "score")).contains("-100");
    assertThat(parsed.problems())
        .containsExactly(
            "property without ptype: x-bits",
            "property without ptype: score",
            "property without ptype: state");
  }

  @Test
  void readsPostfixOpenDkimOpenDmarcAndPolicydSpfFields() {
    ParsedAuthenticationResults dkim =
        parse(
            "Authentication-Results: mail.example.org; dkim=pass (2048-bit key; unprotected)"
                + " header.d=example.com header.i=@example.com header.a=rsa-sha256"
                + " header.s=mail header.b=\"Ab12Cd34\";\r\n\tdkim-atps=neutral\r\n");
    ParsedAuthenticationResults dmarc =
        parse(
            "Authentication-Results: mail.example.org; dmarc=fail (p=reject dis=none)"
                + " header.from=example.com");
    ParsedAuthenticationResults spf =
        parse(
            "Authentication-Results: mail.example.org;\r\n\tspf=pass (mailfrom)"
                + " smtp.mailfrom=example.com (client-ip=192.0.2.1; helo=mail.example.com;"
                + " envelope-from=user@example.com; receiver=<UNKNOWN>)");

    assertThat(dkim.problems()).isEmpty();
    assertThat(dkim.results())
        .extracting(MethodResult::method)
        .containsExactly("dkim", "dkim-atps");
    assertThat(dkim.results().get(0).comments()).containsExactly("2048-bit key; unprotected");
    assertThat(dkim.results().get(0).property("header", "b")).contains("Ab12Cd34");
    assertThat(dmarc.problems()).isEmpty();
    assertThat(dmarc.results().get(0).comments()).containsExactly("p=reject dis=none");
    assertThat(spf.problems()).isEmpty();
    assertThat(spf.results().get(0).comments())
        .containsExactly(
            "mailfrom",
            "client-ip=192.0.2.1; helo=mail.example.com; envelope-from=user@example.com;"
                + " receiver=<UNKNOWN>");
  }
}
