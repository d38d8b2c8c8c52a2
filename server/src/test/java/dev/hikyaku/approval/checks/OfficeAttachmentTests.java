package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Office files: cells, paragraphs and slides are read; encryption and macros are reported. */
class OfficeAttachmentTests {

  @Test
  void anXlsxWithSharedStringsShouldBlockAndNameSheetAndColumn() {
    List<Finding> findings = Fixtures.scan("customers.xlsx");
    assertThat(findings)
        .extracting(Finding::code, Finding::location, f -> f.args().get(0), Finding::severity)
        .containsExactly(
            tuple(
                "attachment-address-list",
                "attachment customers.xlsx, sheet 顧客一覧, column E (メールアドレス)",
                "200",
                Severity.BLOCKING),
            tuple(
                "attachment-phone-numbers",
                "attachment customers.xlsx, sheet 顧客一覧, column D (電話番号)",
                "200",
                Severity.BLOCKING));
  }

  @Test
  void anXlsxWithInlineRichTextStringsShouldBeReadLikeSharedOnes() {
    Finding finding =
        Fixtures.only(Fixtures.scan("customers-inline.xlsx"), "attachment-address-list");
    assertThat(finding.location())
        .isEqualTo("attachment customers-inline.xlsx, sheet 顧客一覧, column E (メールアドレス)");
    assertThat(finding.args()).containsExactly("50");
  }

  @Test
  void myNumbersTypedIntoNumberCellsShouldBlock() {
    Finding finding = Fixtures.only(Fixtures.scan("staff-mynumber.xlsx"), "attachment-my-number");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(finding.location())
        .isEqualTo("attachment staff-mynumber.xlsx, sheet 扶養控除, column C (個人番号)");
    assertThat(finding.args()).containsExactly("5");
  }

  @Test
  void aPasswordProtectedXlsxShouldBeAnEncryptedDocument() {
    byte[] file = Fixtures.bytes("customers-encrypted.xlsx");
    assertThat(OleCompoundFile.entryNames(file)).contains("EncryptionInfo", "EncryptedPackage");
    List<Finding> findings = Fixtures.scan("customers-encrypted.xlsx");
    Finding finding = Fixtures.only(findings, "attachment-encrypted-document");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(finding.location()).isEqualTo("attachment customers-encrypted.xlsx");
    assertThat(findings).hasSize(1);
  }

  @Test
  void anEncryptedXlsxInsideAZipShouldBeFoundToo() {
    byte[] zip = Fixtures.zip(Map.of("顧客.xlsx", Fixtures.bytes("customers-encrypted.xlsx")));
    assertThat(Fixtures.SCANNER.scan("送付.zip", null, zip))
        .extracting(Finding::code, Finding::location)
        .containsExactly(tuple("attachment-encrypted-document", "attachment 送付.zip > 顧客.xlsx"));
  }

  @Test
  void aHandBuiltCompoundFileWithEncryptedPackageShouldBeAnEncryptedDocument() {
    byte[] file = compoundFile("EncryptionInfo", "EncryptedPackage");
    assertThat(Fixtures.SCANNER.scan("見積.docx", null, file))
        .extracting(Finding::code)
        .containsExactly("attachment-encrypted-document");
  }

  @Test
  void aLegacyXlsWithMacrosShouldWarnTwice() {
    byte[] file = compoundFile("Workbook", "_VBA_PROJECT_CUR", "VBA");
    assertThat(Fixtures.SCANNER.scan("集計.xls", null, file))
        .extracting(
            Finding::code, f -> f.args().isEmpty() ? "" : f.args().get(0), Finding::severity)
        .containsExactly(
            tuple("attachment-macro", "", Severity.WARNING),
            tuple("attachment-uninspectable", "XLS", Severity.WARNING));
  }

  @Test
  void aBrokenCompoundFileShouldBeDamaged() {
    byte[] file = compoundFile("Workbook");
    ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN).putInt(0x30, 77); // directory sector
    assertThat(Fixtures.SCANNER.scan("x.xls", null, file))
        .extracting(Finding::code)
        .containsExactly("attachment-damaged");
  }

  @Test
  void aMacroEnabledWorkbookShouldWarn() {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", Fixtures.utf8("<Types/>"));
    parts.put("xl/workbook.xml", Fixtures.utf8("<workbook><sheets/></workbook>"));
    parts.put("xl/vbaProject.bin", new byte[] {1, 2, 3});
    Finding finding =
        Fixtures.only(
            Fixtures.SCANNER.scan("集計.xlsm", null, Fixtures.zip(parts)), "attachment-macro");
    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aDocxShouldBeReadByParagraph() {
    StringBuilder body = new StringBuilder();
    body.append(paragraph("送付先一覧"));
    for (int i = 0; i < 12; i++) {
      body.append(paragraph("担当者" + i + " <t>user" + i + "</t><t>@example.co.jp</t>"));
    }
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", Fixtures.utf8("<Types/>"));
    parts.put(
        "word/document.xml",
        Fixtures.utf8("<w:document xmlns:w=\"urn:w\"><w:body>" + body + "</w:body></w:document>"));
    Finding finding =
        Fixtures.only(
            Fixtures.SCANNER.scan("一覧.docx", null, Fixtures.zip(parts)), "attachment-address-list");
    assertThat(finding.location()).isEqualTo("attachment 一覧.docx, paragraphs 2, 3, 4, 5, 6, …");
    assertThat(finding.args()).containsExactly("12");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
  }

  @Test
  void aPptxShouldBeReadBySlide() {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", Fixtures.utf8("<Types/>"));
    parts.put("ppt/presentation.xml", Fixtures.utf8("<p:presentation xmlns:p=\"urn:p\"/>"));
    parts.put("ppt/slides/slide10.xml", slide("連絡先: c@example.jp"));
    parts.put("ppt/slides/slide2.xml", slide("a@example.jp", "b@example.jp"));
    Finding finding =
        Fixtures.only(
            Fixtures.SCANNER.scan("提案.pptx", null, Fixtures.zip(parts)), "attachment-address-list");
    assertThat(finding.location()).isEqualTo("attachment 提案.pptx, slides 2, 10");
    assertThat(finding.args()).containsExactly("3");
  }

  @Test
  void anXmlBombInAnOfficePartShouldBeDamagedNotExpanded() {
    String bomb =
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
            + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>"
            + "<w:document xmlns:w=\"urn:w\"><w:body><w:p><w:t>&lol2;</w:t></w:p></w:body></w:document>";
    Map<String, byte[]> parts = new LinkedHashMap<>();
    parts.put("[Content_Types].xml", Fixtures.utf8("<Types/>"));
    parts.put("word/document.xml", Fixtures.utf8(bomb));
    assertThat(Fixtures.SCANNER.scan("bomb.docx", null, Fixtures.zip(parts)))
        .extracting(Finding::code)
        .containsExactly("attachment-damaged");
  }

  private static String paragraph(String runs) {
    String r = runs.contains("<t>") ? runs : "<t>" + runs + "</t>";
    return "<w:p><w:r>" + r.replace("<t>", "<w:t>").replace("</t>", "</w:t>") + "</w:r></w:p>";
  }

  private static byte[] slide(String... paragraphs) {
    StringBuilder xml = new StringBuilder("<p:sld xmlns:p=\"urn:p\" xmlns:a=\"urn:a\"><p:txBody>");
    for (String p : paragraphs) {
      xml.append("<a:p><a:r><a:t>").append(p).append("</a:t></a:r></a:p>");
    }
    return Fixtures.utf8(xml.append("</p:txBody></p:sld>").toString());
  }

  /**
   * A minimal OLE compound file ([MS-CFB] version 3): header, one FAT sector (sector 0), one
   * directory sector (sector 1) holding the root and up to three named entries.
   */
  static byte[] compoundFile(String... names) {
    ByteBuffer b = ByteBuffer.allocate(512 * 3).order(ByteOrder.LITTLE_ENDIAN);
    b.put(
        new byte[] {
          (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
        });
    b.putShort(0x18, (short) 0x3E).putShort(0x1A, (short) 3).putShort(0x1C, (short) 0xFFFE);
    b.putShort(0x1E, (short) 9).putShort(0x20, (short) 6);
    b.putInt(0x2C, 1).putInt(0x30, 1).putInt(0x38, 4096);
    b.putInt(0x3C, 0xFFFFFFFE).putInt(0x44, 0xFFFFFFFE);
    for (int i = 0; i < 109; i++) {
      b.putInt(0x4C + 4 * i, i == 0 ? 0 : 0xFFFFFFFF);
    }
    int fat = 512;
    for (int i = 0; i < 128; i++) {
      b.putInt(fat + 4 * i, i == 0 ? 0xFFFFFFFD : i == 1 ? 0xFFFFFFFE : 0xFFFFFFFF);
    }
    directoryEntry(b, 1024, "Root Entry", 5);
    for (int i = 0; i < names.length; i++) {
      directoryEntry(b, 1024 + 128 * (i + 1), names[i], i == names.length - 1 ? 1 : 2);
    }
    return b.array();
  }

  private static void directoryEntry(ByteBuffer b, int at, String name, int type) {
    byte[] utf16 = (name + "\0").getBytes(StandardCharsets.UTF_16LE);
    b.position(at);
    b.put(utf16);
    b.putShort(at + 0x40, (short) utf16.length);
    b.put(at + 0x42, (byte) type);
  }
}
