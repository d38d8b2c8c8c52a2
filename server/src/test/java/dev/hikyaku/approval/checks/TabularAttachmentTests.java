package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** CSV, TSV and text attachments: a customer list is caught, a price list is not. */
class TabularAttachmentTests {

  @ParameterizedTest
  @ValueSource(strings = {"customers-utf8.csv", "customers-sjis.csv"})
  void aListOf200CustomersShouldBlockAndNameTheAddressColumn(String fixture) {
    List<Finding> findings = Fixtures.scan(fixture);

    Finding addresses = Fixtures.only(findings, "attachment-address-list");
    assertThat(addresses.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(addresses.location()).isEqualTo("attachment " + fixture + ", column 5 (メールアドレス)");
    assertThat(addresses.args()).containsExactly("200");
    assertThat(addresses.messageKey()).isEqualTo("check.attachment-address-list");
    assertThat(addresses.message()).contains("200 email addresses").contains(addresses.location());

    Finding phones = Fixtures.only(findings, "attachment-phone-numbers");
    assertThat(phones.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(phones.location()).isEqualTo("attachment " + fixture + ", column 4 (電話番号)");
    assertThat(phones.args()).containsExactly("200");
    assertThat(findings).hasSize(2);
    assertThat(findings).allMatch(Finding::blocking);
  }

  @Test
  void threeAddressesShouldOnlyWarn() {
    List<Finding> findings = Fixtures.scan("contacts-3.csv");
    Finding finding = Fixtures.only(findings, "attachment-address-list");
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.args()).containsExactly("3");
    assertThat(finding.location()).isEqualTo("attachment contacts-3.csv, column 2 (メールアドレス)");
    assertThat(findings).hasSize(1);
  }

  @Test
  void aPriceListShouldHaveNoFindingDespiteJanCodesAndPartNumbersThatPassChecksByChance() {
    // 4 JAN codes pass Luhn and 2 part numbers pass the My Number check digit, by chance; neither
    // makes the list personal data.
    String csv = new String(Fixtures.bytes("price-list.csv"), TextDecoder.WINDOWS_31J);
    List<String[]> rows = csv.lines().skip(1).map(l -> l.split(",")).toList();
    assertThat(rows).hasSize(40);
    assertThat(rows.stream().filter(r -> Luhn.isValid(r[0]))).hasSize(4);
    assertThat(rows.stream().filter(r -> MyNumber.isValid(r[1]))).hasSize(2);

    assertThat(Fixtures.scan("price-list.csv")).isEmpty();
  }

  @Test
  void excelUnicodeTextShouldBeReadAsUtf16TabSeparated() {
    // Excel's "Unicode テキスト": UTF-16LE with a byte order mark, tab-separated, CRLF.
    StringBuilder text = new StringBuilder("\uFEFF氏名\tメール\r\n");
    for (int i = 0; i < 12; i++) {
      text.append("社員").append(i).append("\tstaff").append(i).append("@example.co.jp\r\n");
    }
    byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_16LE);
    Finding finding =
        Fixtures.only(Fixtures.SCANNER.scan("社員.txt", null, bytes), "attachment-address-list");
    assertThat(finding.location()).isEqualTo("attachment 社員.txt, column 2 (メール)");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
  }

  @Test
  void addressesPastedIntoATextFileShouldBeCountedWithTheirLines() {
    String text =
        "送付先リスト（社外秘）\n\n"
            + "tanaka@example.co.jp; suzuki@example.ne.jp; sato@example.jp\n"
            + "ito@example.com\n"
            + "{{email}} は差し込み用\n";
    Finding finding =
        Fixtures.only(
            Fixtures.SCANNER.scan("送付先.txt", null, Fixtures.utf8(text)), "attachment-address-list");
    assertThat(finding.location()).isEqualTo("attachment 送付先.txt, lines 3, 4");
    assertThat(finding.args()).containsExactly("4");
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void quotedFieldsWithLineBreaksAndAnUnterminatedQuoteShouldNotBreakTheReader() {
    String csv =
        "名前,住所,メール\n"
            + "\"田中\",\"東京都千代田区\n1-1-1\",\"a@example.jp\"\n"
            + "\"鈴木\",\"大阪府\"\"北区\"\"\",b@example.jp\n"
            + "\"佐藤,c@example.jp\n";
    List<Finding> findings =
        Fixtures.withCode(
            Fixtures.SCANNER.scan("x.csv", null, Fixtures.utf8(csv)), "attachment-address-list");
    // The unterminated quote makes the rest of the file one field of the first column.
    assertThat(findings)
        .extracting(Finding::location, f -> f.args().get(0))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("attachment x.csv, column 1 (名前)", "1"),
            org.assertj.core.groups.Tuple.tuple("attachment x.csv, column 3 (メール)", "2"));
  }

  @Test
  void aPdfOrImageShouldNotBeReadAsText() {
    byte[] pdf = Fixtures.utf8("%PDF-1.7\n(tanaka@example.co.jp suzuki@example.co.jp)\n");
    assertThat(Fixtures.SCANNER.scan("brochure.pdf", "application/pdf", pdf)).isEmpty();
  }

  @Test
  void anUnknownExtensionWithATextMediaTypeShouldBeRead() {
    byte[] text = Fixtures.utf8("a@example.jp\nb@example.jp\n");
    assertThat(Fixtures.SCANNER.scan("export.out", "text/plain; charset=utf-8", text))
        .extracting(Finding::code)
        .containsExactly("attachment-address-list");
  }
}
