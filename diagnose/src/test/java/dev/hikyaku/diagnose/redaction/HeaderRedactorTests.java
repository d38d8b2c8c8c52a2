package dev.hikyaku.diagnose.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.diagnose.redaction.Redaction.Kind;
import dev.hikyaku.diagnose.redaction.Redaction.Replacement;
import org.junit.jupiter.api.Test;

/** Consistent masking of addresses, names, subjects and chosen fields across a header block. */
class HeaderRedactorTests {

  static final String HEADER =
      """
      Return-Path: <Alice.Sato@corp.co.jp>
      Received: from mail.corp.co.jp (mail.corp.co.jp [203.0.113.5])
      \tby mx.google.com with ESMTPS id x1si123.2026.11.23.05.37.53
      \tfor <bob@gmail.com>; Mon, 23 Nov 2026 14:37:53 +0900 (JST)
      Received: from laptop ([2001:0DB8:0:0::7]) by mail.corp.co.jp
      \tfor <carol@partner-firm.net>; Mon, 23 Nov 2026 14:37:50 +0900
      Authentication-Results: mx.google.com; dkim=pass header.i=@corp.co.jp header.s=s1;
      \tspf=pass (google.com: domain of alice.sato@corp.co.jp designates 203.0.113.5 as permitted
      \tsender) smtp.mailfrom=alice.sato@corp.co.jp; dmarc=pass header.from=corp.co.jp
      DKIM-Signature: v=1; a=rsa-sha256; d=corp.co.jp; s=s1; i=alice.sato@corp.co.jp;
      \th=from:to:subject; bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;
      \tb=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZQ==
      From: "Sato, Alice" <ALICE.SATO@Corp.co.jp>
      To: Bob Example <bob@gmail.com>, carol@partner-firm.net (Carol C)
      Cc: "Sato, Alice" <alice.sato@corp.co.jp>
      Subject: Quarterly numbers for the Tokyo office
      Date: Mon, 23 Nov 2026 14:37:49 +0900
      Message-ID: <20261123.abc123@mail.corp.co.jp>
      X-Mailer: Corp Mailer 9.1 (build 4711)
      """;

  private static Redaction redact(RedactionOptions options) {
    return new HeaderRedactor(options).redact(HEADER);
  }

  @Test
  void sameAddressShouldGetSameTokenInEveryFieldWhateverItsCase() {
    String text = redact(RedactionOptions.defaults()).text();

    assertThat(text)
        .contains("Return-Path: <user1@domain1.example>")
        .contains("header.i=@domain1.example")
        .contains("domain of user1@domain1.example designates")
        .contains("smtp.mailfrom=user1@domain1.example;")
        .contains("header.from=domain1.example")
        .contains("d=domain1.example; s=s1; i=user1@domain1.example;")
        .contains("From: Name 1 <user1@domain1.example>")
        .contains("Cc: Name 1 <user1@domain1.example>")
        .doesNotContainIgnoringCase("alice")
        .doesNotContainIgnoringCase("corp.co.jp")
        .doesNotContain("partner-firm");
  }

  @Test
  void receivedForClauseShouldUseTheTokenOfTheRecipientField() {
    Redaction r = redact(RedactionOptions.defaults());

    assertThat(r.text())
        .contains("\tfor <user2@domain2.example>; Mon, 23 Nov 2026 14:37:53 +0900 (JST)")
        .contains("To: Name 2 <user2@domain2.example>, user3@domain3.example (Name 3)")
        .contains("\tfor <user3@domain3.example>;");
    assertThat(r.tokenFor("bob@gmail.com")).isEqualTo("user2@domain2.example");
  }

  @Test
  void hostsUnderAPrivateDomainShouldMapIntoThatDomainsToken() {
    String text = redact(RedactionOptions.defaults()).text();

    assertThat(text)
        .contains("Received: from host1.domain1.example (host1.domain1.example [203.0.113.5])")
        .contains("by host1.domain1.example\n")
        .contains("Message-ID: <20261123.abc123@host1.domain1.example>");
  }

  @Test
  void keptDomainsShouldStayVisibleWhileTheirLocalPartsAreStillMasked() {
    Redaction r = redact(RedactionOptions.defaults().withKeptDomains("Gmail.com."));

    assertThat(r.text())
        .contains("for <user2@gmail.com>")
        .contains("To: Name 2 <user2@gmail.com>")
        .contains("by mx.google.com")
        .doesNotContain("bob@");
  }

  @Test
  void structureShouldSurviveFieldNamesDatesHopsAndSignatureValues() {
    String text = redact(RedactionOptions.defaults()).text();

    assertThat(text.lines().map(l -> l.isEmpty() ? "" : l.substring(0, Math.min(4, l.length()))))
        .containsExactlyElementsOf(
            HEADER.lines().map(l -> l.substring(0, Math.min(4, l.length()))).toList());
    assertThat(text)
        .contains("Date: Mon, 23 Nov 2026 14:37:49 +0900")
        .contains("bh=47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=;")
        .contains("b=dGhpcyBpcyBub3QgYSByZWFsIHNpZ25hdHVyZQ==")
        .contains("by mx.google.com with ESMTPS id x1si123.2026.11.23.05.37.53")
        .contains("203.0.113.5");
  }

  @Test
  void subjectAndDisplayNamesShouldBeMaskedAndListedInTheMapping() {
    Redaction r = redact(RedactionOptions.defaults());

    assertThat(r.text())
        .contains("Subject: [subject redacted]\n")
        .doesNotContain("Quarterly")
        .doesNotContain("Sato, Alice")
        .doesNotContain("Carol C");
    assertThat(r.replacements())
        .contains(
            new Replacement(
                Kind.SUBJECT, "Quarterly numbers for the Tokyo office", "[subject redacted]"),
            new Replacement(Kind.NAME, "\"Sato, Alice\"", "Name 1"),
            new Replacement(Kind.DOMAIN, "corp.co.jp", "domain1.example"),
            new Replacement(Kind.ADDRESS, "Alice.Sato@corp.co.jp", "user1@domain1.example"));
  }

  @Test
  void switchedOffOptionsShouldLeaveTheirDataAlone() {
    Redaction r =
        redact(
            RedactionOptions.defaults().withSubject(false).withNames(false).withAddresses(false));

    assertThat(r.text()).isEqualTo(HEADER);
    assertThat(r.replacements()).isEmpty();
  }

  @Test
  void listedFieldsShouldBeMaskedAndMessageIdsOnlyInTheirLocalPart() {
    String text = redact(RedactionOptions.defaults().withFields("x-mailer", "Message-ID")).text();

    assertThat(text)
        .contains("X-Mailer: [redacted]\n")
        .contains("Message-ID: <id1@host1.domain1.example>");
  }

  @Test
  void ipOptionShouldMapAddressesToDocumentationRangesConsistently() {
    String text = redact(RedactionOptions.defaults().withIpAddresses(true)).text();

    assertThat(text)
        .contains("(host1.domain1.example [192.0.2.1])")
        .contains("designates 192.0.2.1 as permitted")
        .contains("from laptop ([2001:db8::1])")
        .contains("14:37:53 +0900")
        .doesNotContain("203.0.113.5");
  }

  @Test
  void mappingShouldBeDeterministic() {
    assertThat(redact(RedactionOptions.defaults())).isEqualTo(redact(RedactionOptions.defaults()));
  }
}
