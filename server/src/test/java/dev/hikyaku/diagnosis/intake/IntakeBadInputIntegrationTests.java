package dev.hikyaku.diagnosis.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bad input gets a clear error and loses nothing of what was typed: an empty form, a binary file as
 * the message, a text file as the log, broken base64 over the API; nothing is stored.
 */
@HikyakuTest
class IntakeBadInputIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JsonMapper json;

  String refused(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
    return mvc.perform(request)
        .andExpect(status().isBadRequest())
        .andReturn()
        .getResponse()
        .getContentAsString(UTF_8);
  }

  String list(MockHttpSession session) throws Exception {
    return mvc.perform(get("/incidents").param("lang", "en").session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(UTF_8);
  }

  @Test
  void anEmptyFormShouldAskForTheKindAndThenForTheRequiredAnswers() throws Exception {
    // An auditor files too (trouble is everyone's) and reads every report, so the list is
    // searched for their own name.
    User auditor = fixtures.user(Fixtures.unique("empty"), Role.AUDITOR);
    MockHttpSession session = fixtures.session(auditor);

    String noKind = refused(post("/incidents").param("lang", "en").with(csrf()).session(session));
    String kindOnly =
        refused(
            multipart("/incidents")
                .param("kind", "non-delivery")
                .param("lang", "en")
                .with(csrf())
                .session(session));

    assertThat(noKind)
        .contains("The report was not filed.")
        .contains("Choose the kind of trouble.");
    assertThat(kindOnly)
        .contains("Please answer this question.")
        .contains("name=\"q.summary\"")
        .contains("name=\"q.direction\"");
    assertThat(list(session)).doesNotContain("<td>" + auditor.username() + "</td>");
  }

  @Test
  void aBinaryFileAsTheMessageShouldBeRefusedWithEverythingTypedKept() throws Exception {
    MockHttpSession session = fixtures.session(fixtures.user(Fixtures.unique("bin"), Role.AUTHOR));
    byte[] garbage = new byte[10_000];
    new Random(7).nextBytes(garbage);

    String page =
        refused(
            multipart("/incidents")
                .file(new MockMultipartFile("headersFile", "photo.jpg", "image/jpeg", garbage))
                .param("kind", "non-delivery")
                .param("q.summary", "見積書のメールが届かない")
                .param("q.direction", "receive")
                .param("q.changes", "os-update")
                .param("q.client", "Thunderbird 128")
                .param("lang", "ja")
                .with(csrf())
                .session(session));

    assertThat(page)
        .contains("photo.jpg はバイナリファイルで、メールではありません。")
        .contains("添付ファイルは保持できないため、もう一度選んでください。")
        .contains("value=\"見積書のメールが届かない\"")
        .contains("value=\"Thunderbird 128\"")
        .containsPattern("value=\"receive\"\\s+selected")
        .containsPattern("value=\"os-update\"\\s+checked");
    assertThat(list(session)).contains("No reports yet.");
  }

  @Test
  void garbagePastedAsHeadersAndATextFileAsTheLogShouldEachBeExplained() throws Exception {
    MockHttpSession session = fixtures.session(fixtures.user(Fixtures.unique("txt"), Role.AUTHOR));

    String headers =
        refused(
            multipart("/incidents")
                .param("kind", "non-delivery")
                .param("q.summary", "late mail")
                .param("q.direction", "send")
                .param("headersText", "hello, this is not a header block")
                .param("lang", "en")
                .with(csrf())
                .session(session));
    String log =
        refused(
            multipart("/incidents")
                .file(
                    new MockMultipartFile(
                        "logFiles", "notes.txt", "text/plain", "meeting at 10\n".getBytes(UTF_8)))
                .param("kind", "non-delivery")
                .param("q.summary", "late mail")
                .param("q.direction", "send")
                .param("lang", "en")
                .with(csrf())
                .session(session));

    assertThat(headers)
        .contains("pasted does not start with header fields (Name: value).")
        .contains("hello, this is not a header block");
    assertThat(log).contains("notes.txt has no Postfix log lines.").contains("value=\"late mail\"");
    assertThat(list(session)).contains("No reports yet.");
  }

  @Test
  void theApiShouldListEveryProblemAndStoreNothing() throws Exception {
    User user = fixtures.user(Fixtures.unique("api.bad"), Role.AUTHOR);
    String token = fixtures.token(user);
    Map<String, Object> request =
        Map.of(
            "kind",
            "security-incident",
            "answers",
            Map.of("harm", "catastrophic", "colour", "blue"));

    String body =
        refused(
            post("/api/v1/incidents")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(request)));
    String base64 =
        refused(
            post("/api/v1/incidents")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"kind\":\"non-delivery\",\"headersBase64\":\"***not base64***\"}"));
    JsonNode problem = json.readTree(body);

    assertThat(problem.get("problems").valueStream().map(p -> p.get("code").asString()))
        .containsExactlyInAnyOrder(
            "intake.option-unknown",
            "intake.question-unknown",
            "intake.required",
            "intake.required");
    assertThat(json.readTree(base64).get("code").asString())
        .isEqualTo("intake.attachment.bad-base64");
    String stored =
        mvc.perform(get("/api/v1/incidents").header("Authorization", "Bearer " + token))
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    assertThat(json.readTree(stored).size()).isZero();
  }

  @Test
  void theChecklistShouldArriveAloneForHtmxAndInThePageWithout() throws Exception {
    MockHttpSession session =
        fixtures.session(fixtures.user(Fixtures.unique("htmx"), Role.APPROVER));

    String fragment =
        mvc.perform(
                get("/incidents/new")
                    .param("kind", "security-incident")
                    .param("lang", "en")
                    .header("HX-Request", "true")
                    .session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    String page =
        mvc.perform(
                get("/incidents/new")
                    .param("kind", "non-delivery")
                    .param("lang", "ja")
                    .session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);

    assertThat(fragment)
        .startsWith("<div id=\"questions\"")
        .contains("name=\"q.damage\"")
        .contains("Information leaked through phishing")
        .doesNotContain("name=\"q.direction\"", "<html");
    assertThat(page)
        .contains("<html")
        .contains("name=\"q.direction\"")
        .contains("送信ですか、受信ですか、両方ですか")
        .contains("hx-get=\"/incidents/new\"")
        .doesNotContain("<script>", "style=\"");
  }
}
