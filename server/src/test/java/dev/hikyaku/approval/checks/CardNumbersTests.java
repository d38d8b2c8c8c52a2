package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Credit card numbers: Luhn-valid numbers of real brands, grouped as printed or not. */
class CardNumbersTests {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111 1111 1111 1111", // Visa test number
        "4111111111111111",
        "5555-5555-5555-4444", // Mastercard
        "2223 0031 2200 3222", // Mastercard 2-series
        "3782 822463 10005", // American Express, 4-6-5
        "3530 1113 3330 0000", // JCB
        "3566002020360505", // JCB
        "3056 9309 0259 04", // Diners Club, 14 digits
        "6011 1111 1111 1117", // Discover
      })
  void publishedTestNumbersShouldBeFound(String number) {
    assertThat(CardNumbers.find("カード番号: " + number + " 有効期限 12/28"))
        .containsExactly(number.replaceAll("[ -]", ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "4111 1111 1111 1112", // Luhn fails
        "5555555555554445",
        "1234 5678 9012 3452", // Luhn passes, no brand starts with 1
        "4905039871682", // a 13-digit JAN code that passes Luhn: 13-digit "Visa" is not counted
        "4111 1111 1111 1111 1111", // 20 digits
        "4111 11111111 1111", // groups of 8 are not how cards are printed
        "4111-1111 1111-1111", // mixed separators
        "03-1234-5678",
      })
  void otherDigitRunsShouldNotBeCardNumbers(String text) {
    assertThat(Luhn.isValid("4905039871682")).isTrue(); // the JAN case is a real trap
    assertThat(CardNumbers.find(text)).isEmpty();
  }

  @Test
  void luhnShouldMatchTheTextbookExample() {
    assertThat(Luhn.isValid("79927398713")).isTrue();
    assertThat(Luhn.isValid("79927398710")).isFalse();
    assertThat(Luhn.isValid("7992739871x")).isFalse();
  }

  @Test
  void oneCardNumberInABodyShouldBlock() {
    ContentScanner scanner = new ContentScanner(CheckPolicy.defaults());
    List<Finding> findings =
        scanner.scanText(
            "text",
            "ご注文ありがとうございます。\nお支払いカード: 4111-1111-1111-1111\n注文番号: 1234567890123456789\n",
            java.util.Set.of());
    Finding finding = Fixtures.only(findings, "content-card-number");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(finding.location()).isEqualTo("text line 2");
    assertThat(finding.args()).containsExactly("1");
  }

  @Test
  void cardNumbersInACsvShouldBeCountedPerColumn() {
    String csv =
        "会員名,カード番号,有効期限\n"
            + "佐藤 太郎,4111111111111111,12/28\n"
            + "鈴木 花子,5555 5555 5555 4444,01/27\n"
            + "高橋 健太,4111111111111112,05/26\n";
    Finding finding =
        Fixtures.only(
            Fixtures.SCANNER.scan("cards.csv", "text/csv", Fixtures.utf8(csv)),
            "attachment-card-number");
    assertThat(finding.location()).isEqualTo("attachment cards.csv, column 2 (カード番号)");
    assertThat(finding.args()).containsExactly("2");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
  }
}
