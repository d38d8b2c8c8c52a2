package dev.hikyaku.audience.importing;

import static dev.hikyaku.audience.importing.CsvFiles.WINDOWS_31J;
import static dev.hikyaku.audience.importing.CsvFiles.concat;
import static dev.hikyaku.audience.importing.CsvFiles.crlf;
import static dev.hikyaku.audience.importing.CsvFiles.row;
import static dev.hikyaku.audience.importing.CsvFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Files in the encodings Japanese users' tools write, read without mojibake. */
class EncodingDetectionTests {

  private static final String[] CONTACTS = {
    "メールアドレス,氏名,会社名,備考",
    "taro@example.jp,山田 太郎,㈱山田商事,① 初回",
    "hanako@example.co.jp,髙橋 花子,髙島屋産業株式会社,②",
  };

  private static ImportSource source(byte[] bytes, ImportOptions options) {
    try (ContactCsvReader reader =
        ContactCsvReader.open(CsvFiles.stream(bytes), options, SuppressionCheck.NONE)) {
      return reader.source();
    }
  }

  private static void assertContactsRead(List<RowResult> results) {
    assertThat(results).hasSize(2);
    ImportRow taro = row(results.get(0));
    assertThat(taro.name()).isEqualTo("山田 太郎");
    assertThat(taro.company()).isEqualTo("㈱山田商事");
    assertThat(taro.customFields()).containsEntry("備考", "① 初回");
    ImportRow hanako = row(results.get(1));
    assertThat(hanako.name()).isEqualTo("髙橋 花子");
    assertThat(hanako.company()).isEqualTo("髙島屋産業株式会社");
  }

  @Test
  void utf8WithoutBomShouldBeDetectedFromValidBytes() {
    byte[] file = crlf(StandardCharsets.UTF_8, CONTACTS);

    DetectedEncoding encoding = source(file, ImportOptions.DEFAULTS).encoding();

    assertThat(encoding.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(encoding.evidence()).isEqualTo(DetectedEncoding.Evidence.VALID_UTF_8);
    assertContactsRead(rows(file, ImportOptions.DEFAULTS));
  }

  @Test
  void utf8BomShouldBeRecognisedAndKeptOutOfTheFirstHeader() {
    byte[] file =
        concat(CsvFiles.UTF_8_BOM, crlf(StandardCharsets.UTF_8, "備考,email", "初回,a@example.jp"));

    ImportSource source = source(file, ImportOptions.DEFAULTS);

    assertThat(source.encoding().evidence()).isEqualTo(DetectedEncoding.Evidence.BYTE_ORDER_MARK);
    assertThat(source.mapping().columns().getFirst().header()).isEqualTo("備考");
    assertThat(row(rows(file, ImportOptions.DEFAULTS).getFirst()).customFields())
        .containsOnlyKeys("備考");
  }

  @Test
  void shiftJisAsExcelWritesItShouldBeReadAsWindows31jWithNecSpecials() {
    byte[] file = crlf(WINDOWS_31J, CONTACTS);

    DetectedEncoding encoding = source(file, ImportOptions.DEFAULTS).encoding();

    assertThat(encoding.charset()).isEqualTo(WINDOWS_31J);
    assertThat(encoding.evidence()).isEqualTo(DetectedEncoding.Evidence.NOT_UTF_8);
    assertContactsRead(rows(file, ImportOptions.DEFAULTS));
  }

  @Test
  void utf16WithBomShouldBeReadAsExcelUnicodeText() {
    String text = String.join("\r\n", CONTACTS).replace(',', '\t');
    byte[] file =
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE));

    ImportSource source = source(file, ImportOptions.DEFAULTS);

    assertThat(source.encoding().charset()).isEqualTo(StandardCharsets.UTF_16LE);
    assertThat(source.dialect()).isEqualTo(new CsvDialect(Delimiter.TAB, true));
    assertContactsRead(rows(file, ImportOptions.DEFAULTS));
  }

  @Test
  void eucJpFromOldSystemsShouldNotBeMistakenForShiftJis() {
    byte[] file = crlf(DetectedEncoding.EUC_JP, "メールアドレス,氏名", "taro@example.jp,山田 太郎");

    assertThat(source(file, ImportOptions.DEFAULTS).encoding().evidence())
        .isEqualTo(DetectedEncoding.Evidence.LOOKS_LIKE_EUC_JP);
    assertThat(row(rows(file, ImportOptions.DEFAULTS).getFirst()).name()).isEqualTo("山田 太郎");
  }

  @Test
  void anExplicitCharsetShouldWinAndBeReportedAsChosen() {
    byte[] file = crlf(WINDOWS_31J, CONTACTS);
    ImportOptions options = ImportOptions.DEFAULTS.withCharset(WINDOWS_31J);

    assertThat(source(file, options).encoding())
        .isEqualTo(new DetectedEncoding(WINDOWS_31J, DetectedEncoding.Evidence.OVERRIDE));
    assertContactsRead(rows(file, options));
  }

  @Test
  void aShiftJisFileForcedToUtf8ShouldRejectTheRowsThatDoNotDecodeAndKeepTheRest() {
    byte[] file =
        crlf(
            WINDOWS_31J,
            "email,name",
            "taro@example.jp,Yamada Taro",
            "hanako@example.jp,髙橋 花子",
            "jiro@example.jp,Suzuki Jiro");
    ImportOptions options = ImportOptions.DEFAULTS.withCharset(StandardCharsets.UTF_8);

    DryRunReport report =
        ContactCsvReader.dryRun(CsvFiles.stream(file), options, SuppressionCheck.NONE);

    assertThat(report.accepted()).isEqualTo(2);
    assertThat(report.rejections())
        .singleElement()
        .satisfies(r -> {
          assertThat(r.line()).isEqualTo(3);
          assertThat(r.rejection())
              .isEqualTo(Rejection.of(RejectionReason.UNDECODABLE_BYTES, "UTF-8"));
          assertThat(r.excerpt()).startsWith("hanako@example.jp,").contains("\uFFFD");
        });
    assertThat(report.encodingSuspect()).isTrue();
  }

  @Test
  void bytesThatStopBeingUtf8AfterTheDetectionPrefixShouldBeReportedNotTurnedIntoMojibake() {
    List<String> lines = new ArrayList<>(List.of("メールアドレス,氏名"));
    for (int i = 0; i < 200; i++) {
      lines.add("user" + i + "@example.jp,利用者 " + i);
    }
    byte[] utf8 = crlf(StandardCharsets.UTF_8, lines.toArray(String[]::new));
    byte[] file = concat(utf8, crlf(WINDOWS_31J, "late@example.jp,遅れて 来た"));
    ImportOptions options =
        ImportOptions.DEFAULTS.withLimits(new ImportLimits(32_767, 256, 100, 200, 1024));

    DryRunReport report =
        ContactCsvReader.dryRun(CsvFiles.stream(file), options, SuppressionCheck.NONE);

    assertThat(report.source().encoding().evidence())
        .isEqualTo(DetectedEncoding.Evidence.VALID_UTF_8);
    assertThat(report.accepted()).isEqualTo(200);
    assertThat(report.rejections()).extracting(RowResult.Rejected::line).containsExactly(202L);
    assertThat(report.rejectionsByReason()).containsEntry(RejectionReason.UNDECODABLE_BYTES, 1L);
  }

  @Test
  void anAsciiStartThenShiftJisShouldSwitchToWindows31jWithoutLosingARow() {
    List<String> lines = new ArrayList<>(List.of("email,name,company"));
    for (int i = 0; i < 300; i++) {
      lines.add("user" + i + "@example.jp,Riyousha " + i + ",Yamada Shoji");
    }
    lines.add("taro@example.jp,山田 太郎,㈱山田商事");
    lines.add("hanako@example.jp,髙橋 花子,①商会");
    byte[] file = crlf(WINDOWS_31J, lines.toArray(String[]::new));
    ImportOptions options =
        ImportOptions.DEFAULTS.withLimits(new ImportLimits(32_767, 256, 100, 200, 4096));

    List<RowResult> results = rows(file, options);
    DryRunReport report =
        ContactCsvReader.dryRun(CsvFiles.stream(file), options, SuppressionCheck.NONE);

    assertThat(report.source().encoding().evidence())
        .isEqualTo(DetectedEncoding.Evidence.ASCII_ONLY);
    assertThat(report.rejected()).isZero();
    assertThat(report.windows31jFromLine()).isEqualTo(302);
    assertThat(row(results.get(300)).company()).isEqualTo("㈱山田商事");
    assertThat(row(results.get(301)).name()).isEqualTo("髙橋 花子");
  }

  @Test
  void aHeaderThatDoesNotDecodeShouldRefuseTheFileAskingForTheEncoding() {
    byte[] file = crlf(WINDOWS_31J, CONTACTS);
    ImportOptions options = ImportOptions.DEFAULTS.withCharset(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> rows(file, options))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(FileProblem.HEADER_UNDECODABLE);
              assertThat(e.code()).isEqualTo("import.file.header-undecodable");
              assertThat(e.arguments()).containsExactly("UTF-8");
            });
  }

  @Test
  void aMultibyteCharacterSplitAcrossReadsShouldDecodeWhole() {
    // 3-byte characters over many 8 KiB chunks: some straddle a chunk boundary.
    String name = "髙".repeat(9000);
    byte[] file = crlf(StandardCharsets.UTF_8, "email,name", "a@example.jp," + name);

    assertThat(row(rows(file, ImportOptions.DEFAULTS).getFirst()).name()).isEqualTo(name);
  }
}
