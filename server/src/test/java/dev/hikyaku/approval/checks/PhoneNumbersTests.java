package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Japanese phone numbers in the forms people write them, and what only looks like one. */
class PhoneNumbersTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "03-1234-5678 | 0312345678",
        "(03)1234-5678 | 0312345678",
        "03(1234)5678 | 0312345678",
        "0312345678 | 0312345678",
        "06 6123 4567 | 0661234567",
        "0422-12-3456 | 0422123456",
        "01267-2-3456 | 0126723456",
        "090-1234-5678 | 09012345678",
        "080 1234 5678 | 08012345678",
        "07012345678 | 07012345678",
        "050-1234-5678 | 05012345678",
        "+81-3-1234-5678 | 0312345678",
        "+81 90 1234 5678 | 09012345678",
        "+81(0)3-1234-5678 | 0312345678",
        "０９０－１２３４－５６７８ | 09012345678",
        "090ー1234ー5678 | 09012345678",
      })
  void shouldBeFoundAsNationalDigits(String written, String digits) {
    assertThat(PhoneNumbers.find(TextNormalizer.normalize("TEL: " + written + " (代表)")))
        .containsExactly(digits);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "0120-123-456", // toll free: a company's
        "0570-012-345", // navi dial
        "090-1234-567", // one digit short
        "03-1234-56789", // one too many
        "0012-345-6789", // 00 is the international prefix
        "2024-05-01",
        "12345678901",
        "1-03-1234-5678", // part of something longer
      })
  void otherNumbersShouldNotBePhoneNumbers(String text) {
    assertThat(PhoneNumbers.find(TextNormalizer.normalize(text))).isEmpty();
  }

  @Test
  void aLetterheadWithTelAndFaxShouldOnlyWarnAndTenNumbersShouldBlock() {
    String letter = "株式会社サンプル商事\nTEL 03-1234-5678 / FAX 03-1234-5679\n";
    Finding letterhead =
        Fixtures.only(
            Fixtures.SCANNER.scan("letter.txt", null, Fixtures.utf8(letter)),
            "attachment-phone-numbers");
    assertThat(letterhead.severity()).isEqualTo(Severity.WARNING);

    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      list.append("090-0000-10").append(String.format("%02d", i)).append('\n');
    }
    List<Finding> findings =
        Fixtures.SCANNER.scan("phones.txt", null, Fixtures.utf8(list.toString()));
    assertThat(Fixtures.only(findings, "attachment-phone-numbers").severity())
        .isEqualTo(Severity.BLOCKING);
  }
}
