package dev.hikyaku.audience.importing;

import static dev.hikyaku.audience.importing.CsvFiles.WINDOWS_31J;
import static dev.hikyaku.audience.importing.CsvFiles.crlf;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The dry run of a realistic contact file: every row accounted for, by line and reason. */
class DryRunReportTests {

  // What an Excel user on Japanese Windows saves as "CSV (コンマ区切り)": windows-31j, CRLF.
  private static final byte[] CONTACTS =
      crlf(
          WINDOWS_31J,
          "メールアドレス,氏名,会社名,部署,備考",
          "taro@example.jp,山田 太郎,株式会社山田商事,営業部,",
          "\"hanako@example.co.jp\",\"鈴木 花子\",\"鈴木工業株式会社, 東京支社\",総務部,\"複数行の",
          "メモ\"",
          "info@example.jp,,お問い合わせ窓口,,",
          "TARO@example.jp,山田 太郎（重複）,,,",
          "jiro.@docomo.ne.jp,佐藤 次郎,,,",
          "saburo.@example.jp,髙橋 三郎,,,",
          "",
          "ｓｈｉｒｏ＠ｅｘａｍｐｌｅ．ｊｐ,伊藤 四郎,,,",
          "goro@example.jp,渡辺 五郎,,,,余分",
          "mutsuko@example.jp",
          "blocked@example.jp,中村 停止,,,",
          "\"\"\"山田 七子\"\" <nanako@example.jp>\",,㈱七,,",
          "hachi@example.jp,\"小林",
          "八郎\",,,",
          "kyu@example.jp,加藤 九,\"閉じない引用符,,",
          "juu@example.jp,最後,,,");

  private static DryRunReport dryRun(SuppressionCheck suppression) {
    return ContactCsvReader.dryRun(CsvFiles.stream(CONTACTS), ImportOptions.DEFAULTS, suppression);
  }

  @Test
  void everyRowShouldBeCountedOnceAsAcceptedWarnedOrRejected() {
    DryRunReport report = dryRun(address -> address.value().equals("blocked@example.jp"));

    assertThat(report.accepted()).isEqualTo(3);
    assertThat(report.acceptedWithWarnings()).isEqualTo(4);
    assertThat(report.rejected()).isEqualTo(6);
    assertThat(report.rows()).isEqualTo(13);
    assertThat(report.importable()).isEqualTo(7);
    assertThat(report.source().encoding().charset()).isEqualTo(WINDOWS_31J);
    assertThat(report.source().dialect().delimiter()).isEqualTo(Delimiter.COMMA);
  }

  @Test
  void everyRejectionShouldNameItsStartLineAndReason() {
    DryRunReport report = dryRun(address -> address.value().equals("blocked@example.jp"));

    assertThat(report.rejections())
        .extracting(RowResult.Rejected::line, r -> r.rejection())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                6L, Rejection.of(RejectionReason.DUPLICATE_ADDRESS, "TARO@example.jp", "2")),
            org.assertj.core.groups.Tuple.tuple(
                8L, Rejection.of(RejectionReason.DOT_BEFORE_AT_SIGN, "saburo.@example.jp")),
            org.assertj.core.groups.Tuple.tuple(
                10L,
                Rejection.of(
                    RejectionReason.FULL_WIDTH_CHARACTERS, "ｓｈｉｒｏ＠ｅｘａｍｐｌｅ．ｊｐ", "shiro@example.jp")),
            org.assertj.core.groups.Tuple.tuple(
                11L, Rejection.of(RejectionReason.TOO_MANY_COLUMNS, "6", "5")),
            org.assertj.core.groups.Tuple.tuple(
                13L, Rejection.of(RejectionReason.SUPPRESSED, "blocked@example.jp")),
            org.assertj.core.groups.Tuple.tuple(
                17L, Rejection.of(RejectionReason.UNTERMINATED_QUOTE, "18")));
    assertThat(report.rejections().get(1).excerpt()).isEqualTo("saburo.@example.jp,髙橋 三郎,,,");
    assertThat(report.rejectionsByReason())
        .hasSize(6)
        .allSatisfy((reason, count) -> assertThat(count).isEqualTo(1L));
  }

  @Test
  void warnedRowsShouldBeListedWithTheirCodes() {
    DryRunReport report = dryRun(SuppressionCheck.NONE);

    Map<Long, List<WarningCode>> warned = new java.util.TreeMap<>();
    report
        .warnedRows()
        .forEach(w -> warned.put(w.line(), w.warnings().stream().map(RowWarning::code).toList()));
    assertThat(warned)
        .containsExactly(
            Map.entry(5L, List.of(WarningCode.ROLE_ADDRESS)),
            Map.entry(7L, List.of(WarningCode.CARRIER_LEGACY_ADDRESS)),
            Map.entry(
                14L,
                List.of(WarningCode.DISPLAY_NAME_REMOVED, WarningCode.DISPLAY_NAME_USED_AS_NAME)),
            Map.entry(15L, List.of(WarningCode.CONTROL_CHARACTERS_REPLACED)));
    assertThat(report.warningsByCode()).containsEntry(WarningCode.ROLE_ADDRESS, 1L);
  }

  @Test
  void acceptedRowsShouldCarryTheirFieldsWithLineBreaksOnlyWhereTheyBelong() {
    List<RowResult> results = new ArrayList<>();
    try (ContactCsvReader reader =
        ContactCsvReader.open(
            CsvFiles.stream(CONTACTS), ImportOptions.DEFAULTS, SuppressionCheck.NONE)) {
      reader.forEachRemaining(results::add);
    }
    Map<Long, ImportRow> rows = new java.util.HashMap<>();
    results.stream()
        .filter(r -> !(r instanceof RowResult.Rejected))
        .map(CsvFiles::row)
        .forEach(r -> rows.put(r.line(), r));

    ImportRow hanako = rows.get(3L);
    assertThat(hanako.company()).isEqualTo("鈴木工業株式会社, 東京支社");
    assertThat(hanako.customFields())
        .containsExactly(Map.entry("部署", "総務部"), Map.entry("備考", "複数行の\r\nメモ"));
    assertThat(rows.get(12L).name()).isEmpty();
    assertThat(rows.get(14L).name()).isEqualTo("山田 七子");
    assertThat(rows.get(14L).company()).isEqualTo("㈱七");
    assertThat(rows.get(15L).name()).isEqualTo("小林 八郎");
  }

  @Test
  void suppressionShouldBeAskedOnceForEachDistinctValidAddress() {
    List<String> asked = new ArrayList<>();
    dryRun(address -> {
      asked.add(address.value());
      return false;
    });

    assertThat(asked)
        .containsExactly(
            "taro@example.jp",
            "hanako@example.co.jp",
            "info@example.jp",
            "jiro.@docomo.ne.jp",
            "mutsuko@example.jp",
            "blocked@example.jp",
            "nanako@example.jp",
            "hachi@example.jp");
  }

  @Test
  void rejectionsBeyondTheListLimitShouldBeCountedAndExcerptsCut() {
    List<String> lines = new ArrayList<>(List.of("email,メモ"));
    for (int i = 0; i < 5; i++) {
      lines.add("bad" + i + ",".repeat(1) + "長いメモ".repeat(100));
    }
    ImportOptions options =
        ImportOptions.DEFAULTS.withLimits(new ImportLimits(32_767, 256, 2, 200, 256 * 1024));

    DryRunReport report =
        ContactCsvReader.dryRun(
            CsvFiles.stream(
                crlf(java.nio.charset.StandardCharsets.UTF_8, lines.toArray(String[]::new))),
            options,
            SuppressionCheck.NONE);

    assertThat(report.rejected()).isEqualTo(5);
    assertThat(report.rejections()).hasSize(2);
    assertThat(report.unlistedRejections()).isEqualTo(3);
    assertThat(report.rejections().getFirst().excerpt())
        .hasSize(201)
        .startsWith("bad0,長いメモ")
        .endsWith("…");
  }

  @Test
  void aRowWithMoreColumnsThatAreEmptyShouldBeAcceptedAsExcelPadsRows() {
    DryRunReport report = CsvFiles.dryRun("email,氏名", "a@example.jp,山田,,,", "b@example.jp");

    assertThat(report.accepted()).isEqualTo(2);
  }

  @Test
  void aFieldLongerThanTheLimitShouldRejectOnlyItsRow() {
    ImportOptions options =
        ImportOptions.DEFAULTS.withLimits(new ImportLimits(20, 256, 10, 200, 1024));
    byte[] file =
        crlf(
            java.nio.charset.StandardCharsets.UTF_8,
            "email,メモ",
            "a@example.jp," + "x".repeat(21),
            "b@example.jp,ok");

    DryRunReport report =
        ContactCsvReader.dryRun(CsvFiles.stream(file), options, SuppressionCheck.NONE);

    assertThat(report.rejections())
        .singleElement()
        .satisfies(r -> {
          assertThat(r.line()).isEqualTo(2);
          assertThat(r.rejection())
              .isEqualTo(Rejection.of(RejectionReason.FIELD_TOO_LONG, "2", "20"));
        });
    assertThat(report.accepted()).isEqualTo(1);
  }

  @Test
  void everyCodeShouldHaveAKeyAndAnEnglishTextThatUsesItsArguments() {
    List<MessageCode> codes = new ArrayList<>();
    codes.addAll(List.of(RejectionReason.values()));
    codes.addAll(List.of(WarningCode.values()));
    codes.addAll(List.of(FileProblem.values()));
    codes.addAll(List.of(ColumnMapping.NoteCode.values()));
    Set<String> keys = new java.util.HashSet<>();

    for (MessageCode code : codes) {
      assertThat(keys.add(code.key())).as(code.key()).isTrue();
      assertThat(code.key()).matches("import\\.(rejected|warning|file|mapping)\\.[a-z0-9-]+");
      String text = code.english(List.of("ARG0", "ARG1", "ARG2"));
      assertThat(text).as(code.key()).doesNotContain("{").doesNotContain("'").matches("(?s).*[.?]");
      for (int i = 0; i < 3; i++) {
        assertThat(text.contains("ARG" + i))
            .as(code.key() + " {" + i + "}")
            .isEqualTo(code.englishTemplate().contains("{" + i + "}"));
      }
    }
    assertThat(Rejection.of(RejectionReason.DUPLICATE_ADDRESS, "taro@example.jp", "2").english())
        .isEqualTo("taro@example.jp already appears on line 2.");
  }
}
