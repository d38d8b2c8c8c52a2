package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** My Numbers (個人番号): found when the check digit is right, and only then. */
class MyNumberTests {

  /**
   * An independent implementation of the check digit of 総務省令第八十五号 §5, written from the weights as
   * the ordinance's table gives them left to right (6 5 4 3 2 7 6 5 4 3 2) rather than from the
   * P(n)·Q(n) sum of the production code.
   */
  static int independentCheckDigit(String eleven) {
    int[] weights = {6, 5, 4, 3, 2, 7, 6, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 11; i++) {
      sum += Character.digit(eleven.charAt(i), 10) * weights[i];
    }
    int r = sum % 11;
    return r <= 1 ? 0 : 11 - r;
  }

  static String valid(String eleven) {
    return eleven + independentCheckDigit(eleven);
  }

  static String invalid(String eleven) {
    return eleven + (independentCheckDigit(eleven) + 1) % 10;
  }

  @Test
  void publishedExamplesShouldBeValidAndTheirNeighboursNot() {
    // Published worked examples of the formula: 983205673214 (valid, check digit 4, and the same
    // number ending 0 invalid) and 123456789018, the sample number of many tutorials.
    assertThat(MyNumber.isValid("983205673214")).isTrue();
    assertThat(MyNumber.isValid("983205673210")).isFalse();
    assertThat(MyNumber.isValid("123456789018")).isTrue();
    assertThat(MyNumber.isValid("123456789010")).isFalse();
  }

  @Test
  void checkDigitShouldAgreeWithAnIndependentImplementationOnRandomNumbers() {
    Random random = new Random(5);
    for (int i = 0; i < 5_000; i++) {
      String eleven = String.format("%011d", random.nextLong(100_000_000_000L));
      assertThat(MyNumber.checkDigit(eleven)).as(eleven).isEqualTo(independentCheckDigit(eleven));
      assertThat(MyNumber.isValid(valid(eleven)) || eleven.equals("00000000000")).isTrue();
      assertThat(MyNumber.isValid(invalid(eleven))).as(invalid(eleven)).isFalse();
    }
  }

  @Test
  void shouldBeFoundUngroupedOrGroupedBySpacesOrHyphensInFullWidthToo() {
    String n = valid("31415926535");
    String grouped = n.substring(0, 4) + " " + n.substring(4, 8) + " " + n.substring(8);
    String hyphens = grouped.replace(' ', '-');
    assertThat(MyNumber.find("個人番号:" + n))
        .extracting(MyNumber.Match::grouped)
        .containsExactly(false);
    assertThat(MyNumber.find(grouped)).extracting(MyNumber.Match::digits).containsExactly(n);
    assertThat(MyNumber.find(hyphens)).extracting(MyNumber.Match::digits).containsExactly(n);
    String fullWidth = TextNormalizer.normalize(toFullWidth(hyphens.replace('-', 'ー')));
    assertThat(MyNumber.find(fullWidth)).extracting(MyNumber.Match::digits).containsExactly(n);
  }

  @Test
  void digitsInsideLongerRunsOrMixedSeparatorsShouldNotBeMyNumbers() {
    String n = valid("27182818284");
    assertThat(MyNumber.find("1" + n)).isEmpty(); // a 13-digit code
    assertThat(MyNumber.find(n + "7")).isEmpty();
    assertThat(
            MyNumber.find(
                "4111-" + n.substring(0, 4) + "-" + n.substring(4, 8) + "-" + n.substring(8)))
        .isEmpty(); // the tail of a card number
    assertThat(MyNumber.find(n.substring(0, 4) + " " + n.substring(4, 8) + "-" + n.substring(8)))
        .isEmpty();
    assertThat(MyNumber.find("000000000000")).isEmpty();
  }

  @Test
  void aTextFileShouldBlockOnValidMyNumbersAndIgnoreInvalidOnes() {
    String text =
        String.join(
            "\r\n",
            "扶養控除等申告書 控え (2024年)",
            "氏名\t個人番号",
            "田中 太郎\t" + group(valid("40028922450")),
            "田中 花子\t" + valid("12345678901"),
            "田中 一郎\t" + group(invalid("55512345678")),
            "田中 次郎\t" + invalid("98765432109"),
            "備考: 番号は本人確認書類で確認済み");
    List<Finding> findings =
        Fixtures.SCANNER.scan(
            "扶養控除.txt", "text/plain", text.getBytes(Charset.forName("windows-31j")));

    Finding finding = Fixtures.only(findings, "attachment-my-number");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(finding.args()).containsExactly("2");
    // The tab-separated file is read as a table: the column and its header are the place.
    assertThat(finding.location()).isEqualTo("attachment 扶養控除.txt, column 2 (個人番号)");
  }

  @Test
  void aTextFileWithOnlyInvalidCheckDigitsShouldHaveNoFinding() {
    String text =
        "社員番号一覧\n"
            + invalid("11122233344")
            + "\n"
            + group(invalid("22233344455"))
            + "\n"
            + "問い合わせ: 内線 1234\n";
    assertThat(Fixtures.SCANNER.scan("list.txt", null, Fixtures.utf8(text))).isEmpty();
  }

  @Test
  void runningTextShouldNameTheLinesTheNumbersAreOn() {
    String text =
        "お世話になっております。\n\n先日の件、私の個人番号は "
            + group(valid("98320567321"))
            + " です。\n妻の番号は "
            + valid("31415926535")
            + " です。\n";
    Finding finding =
        Fixtures.only(
            Fixtures.SCANNER.scan("memo.txt", null, Fixtures.utf8(text)), "attachment-my-number");
    assertThat(finding.location()).isEqualTo("attachment memo.txt, lines 3, 4");
    assertThat(finding.args()).containsExactly("2");
  }

  private static String group(String n) {
    return n.substring(0, 4) + "-" + n.substring(4, 8) + "-" + n.substring(8);
  }

  private static String toFullWidth(String s) {
    StringBuilder out = new StringBuilder();
    for (char c : s.toCharArray()) {
      out.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c);
    }
    return out.toString();
  }
}
