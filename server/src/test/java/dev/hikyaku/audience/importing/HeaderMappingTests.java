package dev.hikyaku.audience.importing;

import static dev.hikyaku.audience.importing.CsvFiles.row;
import static dev.hikyaku.audience.importing.CsvFiles.rows;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Headers as Excel users, CRMs and old systems write them, mapped to address, name and company. */
class HeaderMappingTests {

  private static ColumnMapping map(String... headers) {
    return HeaderMapper.map(List.of(headers), ColumnOverride.NONE);
  }

  private static List<ColumnRole> roles(ColumnMapping mapping) {
    return mapping.columns().stream().map(ColumnMapping.MappedColumn::role).toList();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "email",
        "E-Mail",
        "ＥＭＡＩＬ",
        "Mail Address",
        "e_mail_address",
        "EmailAddress",
        "メールアドレス",
        "ﾒｰﾙｱﾄﾞﾚｽ",
        "メール",
        "Ｅメール",
        "電子メール",
        " メール アドレス "
      })
  void commonAddressHeadersShouldBeRecognisedInAnyCaseAndWidth(String header) {
    assertThat(roles(map("備考", header))).containsExactly(ColumnRole.CUSTOM, ColumnRole.ADDRESS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "Full Name", "氏名", "名前", "お名前"})
  void fullNameHeadersShouldBeRecognised(String header) {
    assertThat(roles(map("email", header))).containsExactly(ColumnRole.ADDRESS, ColumnRole.NAME);
  }

  @ParameterizedTest
  @ValueSource(strings = {"company", "会社名", "会社", "Organization", "所属", "企業名"})
  void companyHeadersShouldBeRecognised(String header) {
    assertThat(roles(map("email", header))).containsExactly(ColumnRole.ADDRESS, ColumnRole.COMPANY);
  }

  @Test
  void familyAndGivenNameColumnsShouldBeJoinedFamilyNameFirst() {
    List<RowResult> results = rows("メール,名,姓", "taro@example.jp,太郎,山田", "x@example.jp,,鈴木");

    assertThat(row(results.get(0)).name()).isEqualTo("山田 太郎");
    assertThat(row(results.get(1)).name()).isEqualTo("鈴木");
    assertThat(row(results.get(0)).customFields()).isEmpty();
  }

  @Test
  void lastAndFirstNameColumnsShouldBeJoinedTheSameWay() {
    List<RowResult> results = rows("First Name,Last Name,E-mail", "Taro,Yamada,taro@example.jp");

    assertThat(row(results.getFirst()).name()).isEqualTo("Yamada Taro");
  }

  @Test
  void aFullNameColumnShouldWinAndLeaveFamilyAndGivenNamesAsCustomFields() {
    List<RowResult> results = rows("姓,名,氏名,email", "山田,太郎,山田 太郎(営業),t@example.jp");

    ImportRow taro = row(results.getFirst());
    assertThat(taro.name()).isEqualTo("山田 太郎(営業)");
    assertThat(taro.customFields()).containsEntry("姓", "山田").containsEntry("名", "太郎");
  }

  @Test
  void otherColumnsShouldBecomeCustomFieldsUnderTheirTrimmedHeader() {
    List<RowResult> results =
        rows("email, 部署 ,役職,電話番号", "taro@example.jp,営業部,課長,", "x@example.jp,,,03-1234-5678");

    assertThat(row(results.get(0)).customFields())
        .containsExactly(java.util.Map.entry("部署", "営業部"), java.util.Map.entry("役職", "課長"));
    assertThat(row(results.get(1)).customFields()).containsOnlyKeys("電話番号");
  }

  @Test
  void emptyAndRepeatedHeadersShouldBeRenamedDeterministicallyWithANote() {
    ColumnMapping mapping = map("email", "", "備考", "備考", "備考_2", "ＢＩＫＯ", "biko");

    assertThat(mapping.columns())
        .extracting(ColumnMapping.MappedColumn::fieldKey)
        .containsExactly("", "column_2", "備考", "備考_3", "備考_2", "ＢＩＫＯ", "biko_2");
    assertThat(mapping.notes())
        .containsExactly(
            new ColumnMapping.Note(
                ColumnMapping.NoteCode.EMPTY_HEADER_RENAMED, List.of("2", "column_2")),
            new ColumnMapping.Note(
                ColumnMapping.NoteCode.DUPLICATE_HEADER_RENAMED, List.of("4", "備考", "備考_3")),
            new ColumnMapping.Note(
                ColumnMapping.NoteCode.DUPLICATE_HEADER_RENAMED, List.of("7", "biko", "biko_2")));
  }

  @Test
  void aSecondAddressColumnShouldBeKeptAsACustomFieldWithANote() {
    ColumnMapping mapping = map("PCメール", "Email", "E-mail");

    assertThat(roles(mapping))
        .containsExactly(ColumnRole.CUSTOM, ColumnRole.ADDRESS, ColumnRole.CUSTOM);
    assertThat(mapping.notes())
        .containsExactly(
            new ColumnMapping.Note(
                ColumnMapping.NoteCode.ANOTHER_ADDRESS_COLUMN, List.of("3", "E-mail")));
  }

  @Test
  void noAddressColumnShouldRefuseTheFileNamingTheHeaders() {
    assertThatThrownBy(() -> rows("氏名,PCメール,携帯", "山田,taro@example.jp,"))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(FileProblem.NO_ADDRESS_COLUMN);
              assertThat(e.arguments()).containsExactly("氏名, PCメール, 携帯");
              assertThat(e.getMessage()).contains("Choose the address column");
            });
  }

  @Test
  void aFirstRowOfDataShouldBeCalledOutAsAMissingHeader() {
    assertThatThrownBy(() -> rows("taro@example.jp,山田 太郎", "hanako@example.jp,鈴木 花子"))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(FileProblem.HEADER_IS_DATA);
              assertThat(e.arguments()).containsExactly("taro@example.jp");
            });
  }

  @Test
  void aChosenAddressColumnShouldWinOverDetection() {
    byte[] file =
        CsvFiles.crlf(
            StandardCharsets.UTF_8, "email,氏名,連絡先", "old@example.jp,山田 太郎,taro@example.jp");
    ImportOptions options = ImportOptions.DEFAULTS.withColumns(ColumnOverride.address(3));

    ImportRow taro = row(rows(file, options).getFirst());

    assertThat(taro.address().value()).isEqualTo("taro@example.jp");
    assertThat(taro.customFields()).containsExactly(java.util.Map.entry("email", "old@example.jp"));
  }

  @Test
  void impossibleColumnChoicesShouldRefuseTheFile() {
    assertThatThrownBy(() -> HeaderMapper.map(List.of("a", "b"), ColumnOverride.address(3)))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(FileProblem.COLUMN_OUT_OF_RANGE);
              assertThat(e.arguments()).containsExactly("3", "2");
            });
    assertThatThrownBy(() -> HeaderMapper.map(List.of("a", "b"), new ColumnOverride(1, 1, 0)))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> assertThat(e.problem()).isEqualTo(FileProblem.COLUMN_CHOSEN_TWICE));
  }

  @Test
  void anEmptyFileOrOneOfBlankLinesShouldBeRefused() {
    for (byte[] file : List.of(new byte[0], "\r\n\r\n,,\r\n".getBytes(StandardCharsets.UTF_8))) {
      assertThatThrownBy(() -> rows(file, ImportOptions.DEFAULTS))
          .isInstanceOfSatisfying(
              CsvImportException.class,
              e -> assertThat(e.problem()).isEqualTo(FileProblem.EMPTY_FILE));
    }
  }

  @Test
  void blankLinesBeforeTheHeaderShouldBeSkippedAndLinesStillCountedFromTheTop() {
    List<RowResult> results = rows("", "email", "", "taro@example.jp");

    assertThat(results).extracting(RowResult::line).containsExactly(4L);
  }

  @Test
  void aHeaderWiderThanTheLimitShouldRefuseTheFile() {
    ImportOptions options =
        ImportOptions.DEFAULTS.withLimits(new ImportLimits(32_767, 3, 10, 200, 1024));
    byte[] file = CsvFiles.crlf(StandardCharsets.UTF_8, "email,a,b,c", "x@example.jp,1,2,3");

    assertThatThrownBy(() -> rows(file, options))
        .isInstanceOfSatisfying(
            CsvImportException.class,
            e -> {
              assertThat(e.problem()).isEqualTo(FileProblem.TOO_MANY_COLUMNS);
              assertThat(e.arguments()).containsExactly("4", "3");
            });
  }

  @Test
  void theDelimiterShouldBeDetectedFromTheHeaderOrChosen() {
    byte[] tabs =
        CsvFiles.crlf(StandardCharsets.UTF_8, "email\t氏名\t備考", "a@example.jp\t山田, 様\tA, B");
    // One tab and one comma: detection says comma, the user says tab.
    byte[] mixed = CsvFiles.crlf(StandardCharsets.UTF_8, "email\t氏名,カナ", "a@example.jp\t山田,ヤマダ");
    ImportOptions chosen = ImportOptions.DEFAULTS.withDelimiter(Delimiter.TAB);

    assertThat(row(rows(tabs, ImportOptions.DEFAULTS).getFirst()).name()).isEqualTo("山田, 様");
    assertThat(row(rows(mixed, chosen).getFirst()).customFields())
        .containsExactly(java.util.Map.entry("氏名,カナ", "山田,ヤマダ"));
    try (ContactCsvReader reader =
        ContactCsvReader.open(CsvFiles.stream(mixed), chosen, SuppressionCheck.NONE)) {
      assertThat(reader.source().dialect()).isEqualTo(new CsvDialect(Delimiter.TAB, false));
    }
  }
}
