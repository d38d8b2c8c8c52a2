package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Attachment names: blocked types are recognised however they are dressed up. */
class FileNameTests {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "setup.exe | exe",
        "SETUP.EXE | exe",
        "請求書.pdf.exe | exe",
        "請求書.pdf      .exe | exe",
        "invoice.exe. | exe",
        "invoice.exe . . | exe",
        "tools/run.JS | js",
        "tools\\run.vbs | vbs",
        "report.pdf | pdf",
        "README | ''",
      })
  void theRealExtensionShouldBeWhatWindowsActsOn(String name, String extension) {
    assertThat(FileNames.extension(name)).isEqualTo(extension);
  }

  @Test
  void aRightToLeftOverrideShouldBeDeceptiveAndShownInTheLocation() {
    // Displays as "請求書_2024exe.pdf"; runs as .exe.
    String name = "請求書_2024\u202Efdp.exe";
    List<Finding> findings = Fixtures.SCANNER.scan(name, null, new byte[] {0});
    assertThat(findings)
        .extracting(Finding::code, Finding::location, Finding::severity)
        .containsExactly(
            tuple(
                "attachment-deceptive-name",
                "attachment 請求書_2024<U+202E>fdp.exe",
                Severity.BLOCKING),
            tuple(
                "attachment-blocked-type",
                "attachment 請求書_2024<U+202E>fdp.exe",
                Severity.BLOCKING));
    assertThat(findings.get(0).args()).containsExactly("exe");
  }

  @Test
  void aDisguisedArchiveNameShouldNotMakeEveryFileInsideDeceptive() {
    byte[] zip = Fixtures.zip(java.util.Map.of("a.txt", Fixtures.utf8("こんにちは")));
    assertThat(Fixtures.SCANNER.scan("資料\u202Efdp.zip", null, zip))
        .extracting(Finding::code, Finding::location)
        .containsExactly(tuple("attachment-deceptive-name", "attachment 資料<U+202E>fdp.zip"));
  }

  @Test
  void aBidiControlInAHarmlessNameShouldStillBeDeceptive() {
    assertThat(Fixtures.SCANNER.scan("報告\u2067書.pdf", null, new byte[] {0}))
        .extracting(Finding::code)
        .containsExactly("attachment-deceptive-name");
  }

  @Test
  void aDocumentExtensionBeforeABlockedOneShouldBeDeceptive() {
    assertThat(Fixtures.SCANNER.scan("請求書.pdf.scr", null, new byte[] {0}))
        .extracting(Finding::code)
        .containsExactly("attachment-deceptive-name", "attachment-blocked-type");
    assertThat(Fixtures.SCANNER.scan("setup.v2.exe", null, new byte[] {0}))
        .extracting(Finding::code)
        .containsExactly("attachment-blocked-type");
  }

  @Test
  void diskImagesAndShortcutsShouldBeBlockedByDefault() {
    for (String name : List.of("invoice.iso", "見積.img", "link.lnk", "x.vhdx", "a.hta", "b.ps1")) {
      assertThat(Fixtures.SCANNER.scan(name, null, new byte[] {0}))
          .as(name)
          .extracting(Finding::code)
          .containsExactly("attachment-blocked-type");
    }
  }

  @Test
  void aWindowsProgramUnderADocumentNameShouldBlock() {
    ByteBuffer pe = ByteBuffer.allocate(256).order(ByteOrder.LITTLE_ENDIAN);
    pe.put(0, (byte) 'M').put(1, (byte) 'Z').putInt(0x3C, 0x80);
    pe.put(0x80, (byte) 'P').put(0x81, (byte) 'E');
    Finding finding =
        Fixtures.only(
            Fixtures.SCANNER.scan("見積書.pdf", "application/pdf", pe.array()),
            "attachment-executable-content");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(finding.location()).isEqualTo("attachment 見積書.pdf");

    // "MZ" alone (a DOS stub, or text starting with MZ) is not a program.
    byte[] mz = Fixtures.utf8("MZ" + "x".repeat(100));
    assertThat(Fixtures.SCANNER.scan("notes.pdf", null, mz)).isEmpty();
  }
}
