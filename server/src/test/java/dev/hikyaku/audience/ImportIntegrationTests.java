package dev.hikyaku.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@HikyakuTest
class ImportIntegrationTests {

  private static final Charset SJIS = Charset.forName("windows-31j");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AudienceService audiences;
  @Autowired SuppressionService suppressions;
  @Autowired ImportService imports;

  /** A Shift_JIS export with a bad address, a duplicate, a suppressed one and a role address. */
  private static byte[] customers() {
    String csv =
        "メールアドレス,氏名,会社名,会員番号\r\n"
            + "taro@example.jp,山田 太郎,飛脚商事㈱,A-1\r\n"
            + "hanako@example.jp,髙橋 花子,\"株式会社 ①, 東京\",A-2\r\n"
            + "broken.example.jp,壊れた 行,,A-3\r\n"
            + "TARO@example.jp,山田 太郎（重複）,,A-4\r\n"
            + "gone@example.jp,配信停止 済,,A-5\r\n"
            + "info@example.jp,総務部,,A-6\r\n"
            + "taro..yamada.@docomo.ne.jp,携帯 太郎,,A-7\r\n";
    return csv.getBytes(SJIS);
  }

  @Test
  void theDryRunShouldReportEveryProblemByLineAndImportNothingUntilConfirmed() {
    Audience a = audiences.create("import dry run", "");
    audiences.putContact(a.id(), "hanako@example.jp", "古い 名前", "", Map.of());
    suppressions.suppress("gone@example.jp", Suppression.Reason.UNSUBSCRIBED, "test");

    ImportReport report = imports.dryRun(a.id(), "顧客.csv", new ByteArrayInputStream(customers()));
    assertThat(report.status()).isEqualTo("DRY_RUN");
    assertThat(report.encoding()).isEqualTo("windows-31j");
    assertThat(report.rows()).isEqualTo(7);
    assertThat(report.rejected()).isEqualTo(3);
    assertThat(report.importable()).isEqualTo(4);
    assertThat(report.existing()).isEqualTo(1);
    assertThat(report.issues())
        .filteredOn(ImportReport.Issue::rejected)
        .extracting(ImportReport.Issue::line, ImportReport.Issue::reason)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(4L, "import.rejected.missing-at-sign"),
            org.assertj.core.groups.Tuple.tuple(5L, "import.rejected.duplicate-address"),
            org.assertj.core.groups.Tuple.tuple(6L, "import.rejected.suppressed"));
    assertThat(report.issues())
        .filteredOn(i -> !i.rejected())
        .extracting(ImportReport.Issue::line, ImportReport.Issue::reason)
        .contains(
            org.assertj.core.groups.Tuple.tuple(7L, "import.warning.role-address"),
            org.assertj.core.groups.Tuple.tuple(8L, "import.warning.carrier-legacy-address"));
    // Nothing imported yet.
    assertThat(audiences.contacts(a.id(), 0, 100, ""))
        .extracting(Contact::name)
        .containsExactly("古い 名前");

    ImportReport done = imports.confirm(report.id());
    assertThat(done.status()).isEqualTo("IMPORTED");
    List<Contact> contacts = audiences.contacts(a.id(), 0, 100, "");
    assertThat(contacts)
        .extracting(Contact::email)
        .containsExactlyInAnyOrder(
            "hanako@example.jp",
            "taro@example.jp",
            "info@example.jp",
            "taro..yamada.@docomo.ne.jp");
    assertThat(contacts)
        .filteredOn(c -> c.email().equals("hanako@example.jp"))
        .singleElement()
        .satisfies(c -> {
          assertThat(c.name()).isEqualTo("髙橋 花子");
          assertThat(c.company()).isEqualTo("株式会社 ①, 東京");
          assertThat(c.attributes()).containsEntry("会員番号", "A-2");
        });
    // A finished import cannot be confirmed twice.
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> imports.confirm(report.id()))
        .hasMessageContaining("finished");
  }

  @Test
  void theConsoleShouldShowTheReportInJapaneseAndImportOnConfirm() throws Exception {
    User author = fixtures.user("imp.author", Role.AUTHOR);
    Audience a = audiences.create("import console", "");
    var upload =
        mvc.perform(
                multipart("/audiences/" + a.id() + "/imports")
                    .file(new MockMultipartFile("file", "customers.csv", "text/csv", customers()))
                    .with(csrf())
                    .session(fixtures.session(author)))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String location = upload.getResponse().getRedirectedUrl();
    String page =
        mvc.perform(get(location).header("Accept-Language", "ja").session(fixtures.session(author)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("broken.example.jp").contains("に @ がありません").contains("windows-31j");
    mvc.perform(post(location + "/confirm").with(csrf()).session(fixtures.session(author)))
        .andExpect(status().is3xxRedirection());
    assertThat(audiences.get(a.id()).contacts()).isEqualTo(5);
  }

  @Test
  void aFileWithoutAnAddressColumnShouldBeRefusedWithAClearError() throws Exception {
    String token = fixtures.token(fixtures.user("imp.api", Role.OPERATOR));
    Audience a = audiences.create("import api", "");
    mvc.perform(
            multipart("/api/v1/audiences/" + a.id() + "/imports")
                .file(
                    new MockMultipartFile(
                        "file",
                        "x.csv",
                        "text/csv",
                        "名前,会社\n山田,飛脚\n".getBytes(StandardCharsets.UTF_8)))
                .header("Authorization", "Bearer " + token))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("import.file.no-address-column"));
    var created =
        mvc.perform(
                multipart("/api/v1/audiences/" + a.id() + "/imports")
                    .file(
                        new MockMultipartFile(
                            "file",
                            "tab.tsv",
                            "text/tab-separated-values",
                            "email\tname\nsaburo@example.jp\t三郎\n"
                                .getBytes(StandardCharsets.UTF_8)))
                    .header("Authorization", "Bearer " + token))
            .andExpect(status().isCreated())
            .andExpect(jsonPath("$.importable").value(1))
            .andExpect(jsonPath("$.delimiter").value("tab"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = Long.parseLong(created.replaceAll("^\\{\"id\":(\\d+).*", "$1").trim());
    mvc.perform(
            post("/api/v1/imports/" + id + "/confirm").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("IMPORTED"));
    assertThat(audiences.get(a.id()).contacts()).isEqualTo(1);
  }
}
