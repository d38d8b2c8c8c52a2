package dev.hikyaku.audience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditRepository;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@HikyakuTest
class AudiencesIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AudienceService audiences;
  @Autowired SuppressionService suppressions;
  @Autowired AuditRepository audit;

  @Test
  void anAuthorShouldCreateAnAudienceAndAddContactsThroughTheConsole() throws Exception {
    User author = fixtures.user("aud.author", Role.AUTHOR);
    var created =
        mvc.perform(
                post("/audiences")
                    .param("name", "会員向けお知らせ")
                    .param("description", "members")
                    .with(csrf())
                    .session(fixtures.session(author)))
            .andExpect(status().is3xxRedirection())
            .andReturn();
    String location = created.getResponse().getRedirectedUrl();
    mvc.perform(
            post(location + "/contacts")
                .param("email", "Taro.Yamada@Example.CO.JP")
                .param("name", "山田 太郎")
                .param("company", "飛脚商事")
                .with(csrf())
                .session(fixtures.session(author)))
        .andExpect(status().is3xxRedirection());
    mvc.perform(
            post(location + "/contacts")
                .param("email", "not an address")
                .with(csrf())
                .session(fixtures.session(author)))
        .andExpect(status().isBadRequest());
    String page =
        mvc.perform(get(location).session(fixtures.session(author)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page).contains("Taro.Yamada@example.co.jp").contains("山田 太郎").contains("飛脚商事");
    assertThat(
            audit.find(new AuditQuery(null, null, "user:aud.author", "contact.add", null, null, 5)))
        .hasSize(1);
  }

  @Test
  void theSameAddressShouldUpdateTheContactNotDuplicateIt() {
    Audience a = audiences.create("dedupe", "");
    audiences.putContact(a.id(), "hanako@example.jp", "花子", "", Map.of("plan", "gold"));
    audiences.putContact(a.id(), "HANAKO@example.jp", "佐藤 花子", "", Map.of("plan", "silver"));
    List<Contact> contacts = audiences.contacts(a.id(), 0, 100, "");
    assertThat(contacts)
        .singleElement()
        .satisfies(c -> {
          assertThat(c.name()).isEqualTo("佐藤 花子");
          assertThat(c.attributes()).containsEntry("plan", "silver");
          assertThat(c.fields())
              .containsEntry("email", "HANAKO@example.jp")
              .containsEntry("plan", "silver");
        });
  }

  @Test
  void suppressedAddressesShouldBeLeftOutOfTheSendableBatches() {
    Audience a = audiences.create("batches", "");
    for (int i = 0; i < 25; i++) {
      audiences.putContact(a.id(), "user" + i + "@example.jp", "", "", Map.of());
    }
    suppressions.suppress("user3@example.jp", Suppression.Reason.BOUNCED, "550 5.1.1 user unknown");
    suppressions.suppress("USER4@EXAMPLE.JP", Suppression.Reason.UNSUBSCRIBED, "one-click");
    assertThat(audiences.countSendable(a.id())).isEqualTo(23);
    List<String> seen = new ArrayList<>();
    long after = 0;
    for (List<Contact> batch = audiences.sendable(a.id(), after, 10);
        !batch.isEmpty();
        batch = audiences.sendable(a.id(), after, 10)) {
      assertThat(batch.size()).isLessThanOrEqualTo(10);
      batch.forEach(c -> seen.add(c.email()));
      after = batch.get(batch.size() - 1).id();
    }
    assertThat(seen).hasSize(23).doesNotContain("user3@example.jp", "user4@example.jp");
  }

  @Test
  void suppressingTwiceShouldKeepTheFirstReasonAndOnlyOperatorsRemove() throws Exception {
    assertThat(suppressions.suppress("twice@example.jp", Suppression.Reason.BOUNCED, "5.1.1"))
        .isTrue();
    assertThat(suppressions.suppress("twice@example.jp", Suppression.Reason.COMPLAINED, "abuse"))
        .isFalse();
    assertThat(suppressions.find("Twice@Example.jp"))
        .hasValueSatisfying(s -> assertThat(s.reason()).isEqualTo(Suppression.Reason.BOUNCED));
    User author = fixtures.user("aud.sup.author", Role.AUTHOR);
    User operator = fixtures.user("aud.sup.op", Role.OPERATOR);
    mvc.perform(
            post("/suppressions/remove")
                .param("email", "twice@example.jp")
                .with(csrf())
                .session(fixtures.session(author)))
        .andExpect(status().isForbidden());
    mvc.perform(
            post("/suppressions/remove")
                .param("email", "twice@example.jp")
                .with(csrf())
                .session(fixtures.session(operator)))
        .andExpect(status().is3xxRedirection());
    assertThat(suppressions.isSuppressed("twice@example.jp")).isFalse();
    assertThat(
            audit.find(
                new AuditQuery(null, null, "user:aud.sup.op", "suppression.remove", null, null, 5)))
        .hasSize(1);
  }

  @Test
  void theApiShouldManageAudiencesContactsAndSuppressions() throws Exception {
    String token = fixtures.token(fixtures.user("aud.api", Role.AUTHOR));
    String body =
        mvc.perform(
                post("/api/v1/audiences")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"name\":\"api list\"}"))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long id = Long.parseLong(body.replaceAll(".*\"id\":(\\d+).*", "$1"));
    mvc.perform(
            post("/api/v1/audiences/" + id + "/contacts")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"email\":\"jiro@example.jp\",\"name\":\"次郎\",\"attributes\":{\"会員番号\":\"A-1\"}}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.attributes['会員番号']").value("A-1"));
    mvc.perform(
            get("/api/v1/audiences/" + id + "/contacts").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].email").value("jiro@example.jp"));
    mvc.perform(
            post("/api/v1/audiences/" + id + "/contacts")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"jiro@\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("email"));
    mvc.perform(
            post("/api/v1/suppressions")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"jiro@example.jp\",\"note\":\"asked by phone\"}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.added").value(true));
    assertThat(audiences.countSendable(id)).isZero();
  }

  @Test
  void headerInjectionInNamesShouldBeRefused() {
    Audience a = audiences.create("injection", "");
    assertThatThrownBy(() ->
            audiences.putContact(a.id(), "x@example.jp", "X\r\nBcc: all@example.jp", "", Map.of()))
        .isInstanceOf(InvalidInputException.class)
        .extracting(e -> ((InvalidInputException) e).code())
        .isEqualTo("control-character");
  }
}
