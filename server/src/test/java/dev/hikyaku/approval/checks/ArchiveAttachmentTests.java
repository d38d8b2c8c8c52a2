package dev.hikyaku.approval.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.approval.checks.Finding.Severity;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** ZIP attachments: what is inside is checked, PPAP is flagged, and bombs stay bombs on paper. */
class ArchiveAttachmentTests {

  @Test
  void anExeInsideAZipShouldBlockWithItsPathInside() {
    List<Finding> findings = Fixtures.scan("installer.zip");
    Finding blocked = Fixtures.only(findings, "attachment-blocked-type");
    assertThat(blocked.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(blocked.location()).isEqualTo("attachment installer.zip > tools/setup.exe");
    assertThat(blocked.args()).containsExactly("exe");
    assertThat(findings).hasSize(1);
  }

  @Test
  void aScriptInANestedZipShouldBlock() {
    Finding blocked = Fixtures.only(Fixtures.scan("nested.zip"), "attachment-blocked-type");
    assertThat(blocked.location()).isEqualTo("attachment nested.zip > inner.zip > scripts/run.js");
    assertThat(blocked.args()).containsExactly("js");
  }

  @Test
  void aZipCryptoArchiveShouldBeFlaggedAsPpap() {
    List<Finding> findings = Fixtures.scan("ppap.zip");
    Finding ppap = Fixtures.only(findings, "attachment-encrypted-archive");
    assertThat(ppap.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(ppap.location()).isEqualTo("attachment ppap.zip");
    assertThat(ppap.args()).containsExactly("1");
    assertThat(findings).hasSize(1);
  }

  @Test
  void anAesArchiveShouldBeFlaggedAsPpap() {
    Finding ppap = Fixtures.only(Fixtures.scan("aes.zip"), "attachment-encrypted-archive");
    assertThat(ppap.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(ppap.args()).containsExactly("1");
  }

  @Test
  void encryptionShouldOnlyWarnWhenThePolicySaysSo() {
    CheckPolicy d = CheckPolicy.defaults();
    CheckPolicy lenient =
        new CheckPolicy(
            d.fileAddressesBlockingAt(),
            d.phoneNumbersBlockingAt(),
            d.myNumbersBlockingAt(),
            d.cardNumbersBlockingAt(),
            d.bodyAddressesBlockingAt(),
            d.blockedExtensions(),
            false,
            d.maxArchiveDepth(),
            d.maxArchiveEntries(),
            d.maxInflatedBytes());
    List<Finding> findings =
        new AttachmentScanner(lenient)
            .scan("ppap.zip", "application/zip", Fixtures.bytes("ppap.zip"));
    assertThat(Fixtures.only(findings, "attachment-encrypted-archive").severity())
        .isEqualTo(Severity.WARNING);
  }

  @Test
  void theCustomerListInsideAPlainZipShouldBeFound() {
    byte[] zip = Fixtures.zip(Map.of("営業/顧客一覧.csv", Fixtures.bytes("customers-sjis.csv")));
    Finding finding =
        Fixtures.only(Fixtures.SCANNER.scan("資料.zip", null, zip), "attachment-address-list");
    assertThat(finding.location()).isEqualTo("attachment 資料.zip > 営業/顧客一覧.csv, column 5 (メールアドレス)");
    assertThat(finding.severity()).isEqualTo(Severity.BLOCKING);
  }

  @Test
  @Timeout(20)
  void aZipBombShouldBeAFindingNotAnOutOfMemoryError() throws IOException {
    // 200 MB of zeros deflate to about 200 KB; the entry names a harmless text file.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry("data.txt"));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < 200; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("later/evil.exe"));
      zip.write(new byte[] {1, 2, 3});
      zip.closeEntry();
    }
    byte[] bomb = out.toByteArray();
    assertThat(bomb.length).isLessThan(1 << 20);

    List<Finding> findings = Fixtures.SCANNER.scan("bomb.zip", null, bomb);

    Finding tooLarge = Fixtures.only(findings, "attachment-archive-too-large");
    assertThat(tooLarge.severity()).isEqualTo(Severity.BLOCKING);
    assertThat(tooLarge.args()).containsExactly("100");
    assertThat(tooLarge.location()).isEqualTo("attachment bomb.zip > data.txt");
    // Names are checked even after the budget is spent.
    assertThat(Fixtures.only(findings, "attachment-blocked-type").location())
        .isEqualTo("attachment bomb.zip > later/evil.exe");
  }

  @Test
  void aZipThatDeclaresSmallSizesButInflatesBeyondTheBudgetShouldStop() {
    CheckPolicy d = CheckPolicy.defaults();
    CheckPolicy tight =
        new CheckPolicy(10, 10, 1, 1, 5, d.blockedExtensions(), true, 3, 100, 1_000);
    byte[] zip = Fixtures.zip(Map.of("a.csv", new byte[5_000]));
    List<Finding> findings = new AttachmentScanner(tight).scan("a.zip", null, zip);
    assertThat(Fixtures.only(findings, "attachment-archive-too-large").args()).containsExactly("1");
  }

  @Test
  void archivesNestedDeeperThanThePolicyAllowsShouldBlockAtTheLevelNotOpened() {
    byte[] level = Fixtures.zip(Map.of("payload.js", Fixtures.utf8("alert(1)")));
    for (int i = 4; i >= 1; i--) {
      level = Fixtures.zip(Map.of("level" + i + ".zip", level));
    }
    List<Finding> findings = Fixtures.SCANNER.scan("deep.zip", null, level);
    Finding tooDeep = Fixtures.only(findings, "attachment-archive-too-deep");
    assertThat(tooDeep.location())
        .isEqualTo("attachment deep.zip > level1.zip > level2.zip > level3.zip");
    assertThat(tooDeep.args()).containsExactly("3");
    assertThat(Fixtures.withCode(findings, "attachment-blocked-type")).isEmpty();
  }

  @Test
  void tooManyEntriesShouldBlockWithoutReadingThem() {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (int i = 0; i < 120; i++) {
      entries.put("f" + i + ".txt", new byte[0]);
    }
    CheckPolicy d = CheckPolicy.defaults();
    CheckPolicy small =
        new CheckPolicy(10, 10, 1, 1, 5, d.blockedExtensions(), true, 3, 100, 1 << 20);
    List<Finding> findings =
        new AttachmentScanner(small).scan("many.zip", null, Fixtures.zip(entries));
    assertThat(Fixtures.only(findings, "attachment-archive-too-many-entries").args())
        .containsExactly("100");
  }

  @Test
  void otherArchiveFormatsShouldBeUninspectableWarnings() throws IOException {
    Finding sevenZip = Fixtures.only(Fixtures.scan("contacts.7z"), "attachment-uninspectable");
    assertThat(sevenZip.severity()).isEqualTo(Severity.WARNING);
    assertThat(sevenZip.args()).containsExactly("7z");

    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(Fixtures.utf8("a@example.jp"));
    }
    assertThat(Fixtures.SCANNER.scan("backup.tar.gz", null, gz.toByteArray()))
        .extracting(Finding::code, f -> f.args().get(0))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("attachment-uninspectable", "gzip"));
    assertThat(
            Fixtures.only(
                    Fixtures.SCANNER.scan("old.lzh", null, new byte[] {1, 2, 3}),
                    "attachment-uninspectable")
                .args())
        .containsExactly("LZH");
  }

  @Test
  void aDamagedZipShouldBeAWarningNotAnException() {
    byte[] zip = Fixtures.bytes("installer.zip");
    byte[] truncated = java.util.Arrays.copyOf(zip, zip.length - 30);
    Finding damaged =
        Fixtures.only(Fixtures.SCANNER.scan("broken.zip", null, truncated), "attachment-damaged");
    assertThat(damaged.severity()).isEqualTo(Severity.WARNING);
    assertThat(damaged.args()).containsExactly("ZIP");

    byte[] garbage = zip.clone();
    for (int i = 40; i < 120 && i < garbage.length; i++) {
      garbage[i] = (byte) 0xFF; // the first entry's data
    }
    List<Finding> findings = Fixtures.SCANNER.scan("garbage.zip", null, garbage);
    assertThat(findings).extracting(Finding::code).contains("attachment-blocked-type");
  }

  @Test
  void shiftJisEntryNamesAsWindowsWritesThemShouldBeRead() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, Charset.forName("windows-31j"))) {
      zip.putNextEntry(new ZipEntry("請求書.pdf.exe"));
      zip.write(new byte[] {0});
      zip.closeEntry();
    }
    List<Finding> findings = Fixtures.SCANNER.scan("送付.zip", null, out.toByteArray());
    assertThat(findings)
        .extracting(Finding::code, Finding::location)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "attachment-deceptive-name", "attachment 送付.zip > 請求書.pdf.exe"),
            org.assertj.core.groups.Tuple.tuple(
                "attachment-blocked-type", "attachment 送付.zip > 請求書.pdf.exe"));
  }

  @Test
  void theBlockedListShouldComeFromThePolicy() {
    CheckPolicy d = CheckPolicy.defaults();
    CheckPolicy policy =
        new CheckPolicy(10, 10, 1, 1, 5, Set.of(".DOCM", "exe"), true, 3, 100, 1 << 20);
    assertThat(policy.blocks("docm")).isTrue();
    assertThat(policy.blocks("js")).isFalse();
    assertThat(d.blocks("JS")).isTrue();
    assertThat(new AttachmentScanner(policy).scan("x.js", null, new byte[1])).isEmpty();
  }
}
