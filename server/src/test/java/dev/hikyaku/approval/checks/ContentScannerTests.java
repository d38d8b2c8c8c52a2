package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Message bodies: pasted address lists, copied headers, personal data and deceptive links. */
class ContentScannerTests {

  private static final Set<String> OWN = Set.of("sample-shoji.co.jp");
  private final ContentScanner scanner = new ContentScanner(CheckPolicy.defaults());

  @Test
  void fiveVisibleAddressesShouldBlockAndTwoShouldWarn() {
    String five =
        "各位\n\n以下の皆様にお送りしています。\n"
            + "a@example.co.jp, b@example.co.jp, c@example.ne.jp\n"
            + "d@example.jp\n"
            + "e@example.com\n";
    Finding blocking = Fixtures.only(scanner.scanText("text", five, OWN), "content-address-list");
    assertThat(blocking.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(blocking.location()).isEqualTo("text lines 4, 5, 6");
    assertThat(blocking.args()).containsExactly("5");

    Finding warning =
        Fixtures.only(
            scanner.scanText("text", "窓口: a@example.co.jp または b@example.co.jp", OWN),
            "content-address-list");
    assertThat(warning.severity()).isEqualTo(Severity.WARNING);
    assertThat(warning.location()).isEqualTo("text line 1");

    assertThat(scanner.scanText("text", "お問い合わせ: info@example.co.jp", OWN)).isEmpty();
  }

  @Test
  void theSendersOwnDomainsAndTheirSubdomainsShouldNotCount() {
    String body =
        "営業部 tanaka@sample-shoji.co.jp\n"
            + "サポート support@mail.sample-shoji.co.jp\n"
            + "総務 soumu@SAMPLE-SHOJI.CO.JP\n"
            + "経理 keiri@sample-shoji.co.jp\n"
            + "人事 jinji@sample-shoji.co.jp\n"
            + "外部 partner@example.co.jp\n";
    assertThat(scanner.scanText("text", body, OWN)).isEmpty();
    // A look-alike domain is not a subdomain.
    String lookAlike = body + "x@evil-sample-shoji.co.jp\n";
    assertThat(scanner.scanText("text", lookAlike, OWN))
        .extracting(Finding::code, f -> f.args().get(0))
        .containsExactly(tuple("content-address-list", "2"));
  }

  @Test
  void templatePlaceholdersShouldNotBeCounted() {
    String body =
        "{{氏名}} 様\n宛先: {{email}}\nご登録のアドレス {{email|未登録}} 宛にお送りしています。\n"
            + "{{local}}@example.co.jp {{name|a@example.jp}} {{x}}@{{y}}\n";
    assertThat(scanner.scanText("text", body, OWN)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "To: 田中 <tanaka@example.co.jp>; 鈴木 <suzuki@example.co.jp>",
        "Cc: tanaka@example.co.jp",
        "BCC : tanaka@example.co.jp",
        "宛先: 田中 太郎 <tanaka@example.co.jp>",
        "ＣＣ：tanaka@example.co.jp",
        "> To: tanaka@example.co.jp",
      })
  void aRecipientHeaderLineWithAddressesShouldBlock(String line) {
    List<Finding> findings = scanner.scanText("text", "お疲れ様です。\n\n" + line + "\n本文です。", OWN);
    Finding header = Fixtures.only(findings, "content-recipient-header");
    assertThat(header.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(header.location()).isEqualTo("text line 3");
  }

  @Test
  void aRecipientHeaderShouldCountAddressesEvenOnTheSendersDomain() {
    Finding header =
        Fixtures.only(
            scanner.scanText("text", "To: a@sample-shoji.co.jp, b@sample-shoji.co.jp", OWN),
            "content-recipient-header");
    assertThat(header.args()).containsExactly("To", "2");
  }

  @Test
  void wordsLikeToWithoutAddressesShouldNotBeHeaders() {
    assertThat(scanner.scanText("text", "To: 関係者各位\nTo do: 資料送付", OWN)).isEmpty();
  }

  @Test
  void aMyNumberInTheSubjectShouldBlock() {
    Finding finding =
        Fixtures.only(
            scanner.scanText("subject", "【至急】個人番号 1234 5678 9018 の件", OWN), "content-my-number");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(finding.location()).isEqualTo("subject line 1");
    assertThat(scanner.scanText("subject", "受付番号 1234 5678 9012", OWN)).isEmpty();
  }

  @Test
  void htmlAddressesShouldBeFoundThroughTagsAndEntitiesWithSourceLines() {
    String html =
        "<html>\n<head><style>\n.x{}\n</style></head>\n<body>\n"
            + "<p><b>tanaka</b>@example.co.jp</p>\n"
            + "<p>suzuki&#64;example.co.jp</p>\n"
            + "<!-- hidden@example.co.jp -->\n"
            + "<script>var a='x@example.co.jp';</script>\n"
            + "<p>sato@example.jp<br>ito@example.jp<br>kato@example.com</p>\n"
            + "</body></html>";
    Finding finding = Fixtures.only(scanner.scanHtml("html", html, OWN), "content-address-list");
    assertThat(finding.location()).isEqualTo("html lines 6, 7, 10");
    assertThat(finding.args()).containsExactly("5");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
  }

  @Test
  void aLinkShowingOneDomainAndGoingToAnotherShouldBlock() {
    String html =
        "<p>ログインはこちら</p>\n"
            + "<p><a href=\"https://login.bank-secure.example/session\">https://www.bank.example/</a></p>\n"
            + "<p><a href='http://evil.example/x'>www.bank.example</a></p>\n";
    List<Finding> findings = scanner.scanHtml("html", html, OWN);
    assertThat(findings)
        .extracting(Finding::code, Finding::location, Finding::args, Finding::severity)
        .containsExactly(
            tuple(
                "content-link-mismatch",
                "html line 2",
                List.of("bank.example", "bank-secure.example"),
                Severity.BLOCKING),
            tuple(
                "content-link-mismatch",
                "html line 3",
                List.of("bank.example", "evil.example"),
                Severity.BLOCKING));
  }

  @Test
  void entitiesUserinfoAndJapaneseSecondLevelDomainsShouldNotFoolTheLinkCheck() {
    String html =
        "<a href=\"https://www.bank.example&#64;evil.example/\">https://www.bank.example/</a>\n"
            + "<a href=\"https://evil.example/\">www&#46;mizuho-sample&#46;co&#46;jp</a>\n"
            + "<a href=\"https://other.co.jp/\">shop.sample.co.jp</a>\n";
    assertThat(scanner.scanHtml("html", html, OWN))
        .extracting(Finding::location, Finding::args)
        .containsExactly(
            tuple("html line 1", List.of("bank.example", "evil.example")),
            tuple("html line 2", List.of("mizuho-sample.co.jp", "evil.example")),
            tuple("html line 3", List.of("sample.co.jp", "other.co.jp")));
  }

  @Test
  void honestLinksShouldPass() {
    String html =
        "<a href=\"https://shop.sample-shoji.co.jp/sale\">www.sample-shoji.co.jp</a>\n"
            + "<a href=\"https://www.example.com/a\">https://example.com/</a>\n"
            + "<a href=\"mailto:info@example.com\">www.example.jp</a>\n"
            + "<a href=\"tel:0312345678\">www.example.jp</a>\n"
            + "<a href=\"/unsubscribe\">www.example.jp</a>\n"
            + "<a href=\"{{unsubscribe_url}}\">www.example.jp</a>\n"
            + "<a href=\"https://tracking.example.net/c/1\">こちら</a>\n"
            + "<a href=\"https://example.net/report.pdf\">report.pdf</a>\n"
            + "<a href=\"HTTPS://WWW.EXAMPLE.ORG\">example.org</a>\n";
    assertThat(scanner.scanHtml("html", html, OWN)).isEmpty();
  }

  @Test
  void findingsShouldBeCappedPerCodeWithOneSummary() {
    StringBuilder html = new StringBuilder();
    for (int i = 1; i <= 25; i++) {
      html.append("<a href=\"https://evil.example/").append(i).append("\">www.bank.example</a>\n");
    }
    List<Finding> findings = scanner.scanHtml("html", html.toString(), OWN);
    assertThat(Fixtures.withCode(findings, "content-link-mismatch")).hasSize(Findings.MAX_PER_CODE);
    Finding more = Fixtures.only(findings, "more-findings");
    assertThat(more.args()).containsExactly("5", "content-link-mismatch");
    assertThat(more.location()).isEqualTo("html");
    assertThat(more.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(findings.get(findings.size() - 1)).isEqualTo(more);
  }

  @Test
  void blockingFindingsShouldComeFirstAndTheOrderShouldBeStable() {
    String text = "a@example.jp b@example.jp\nTo: c@example.jp\n";
    List<Finding> first = scanner.scanText("text", text, OWN);
    assertThat(first)
        .extracting(Finding::code)
        .containsExactly("content-recipient-header", "content-address-list");
    assertThat(first.get(1).severity()).isEqualTo(Severity.WARNING);
    assertThat(scanner.scanText("text", text, OWN)).isEqualTo(first);
  }

  @Test
  void badArgumentsShouldBeClearErrors() {
    assertThatThrownBy(() -> scanner.scanText(" ", "x", OWN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> scanner.scanText("text", "x", Set.of("not a domain!")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a domain!");
  }
}
