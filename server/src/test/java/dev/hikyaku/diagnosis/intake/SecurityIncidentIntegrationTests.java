package dev.hikyaku.diagnosis.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.Scope;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A security incident filed over the API with a real suspicious header block (the message a DMARC
 * failure report of the shared conformance data returns), and who may read what came of it.
 */
@HikyakuTest
class SecurityIncidentIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JsonMapper json;

  /** The returned message of LinkedIn's DMARC failure report: dmarc=fail, dkim=none. */
  static byte[] suspicious() {
    String report =
        new String(ConformanceLog.dmarcSample("failure/dmarc_ruf_report_linkedin.eml"), UTF_8);
    return report.substring(report.indexOf("Return-Path: <>")).getBytes(UTF_8);
  }

  static Map<String, Object> phishing() {
    return Map.of(
        "kind", "security-incident",
        "answers",
            Map.of(
                "summary", "A phishing mail from example.com was opened",
                "when", "2019-04-30 02:09",
                "damage", java.util.List.of("phishing-leak"),
                "harm", "actual",
                "scale", "one-person",
                "affected", java.util.List.of("pc"),
                "cause", java.util.List.of("mail-received")),
        "headersBase64", Base64.getMimeEncoder().encodeToString(suspicious()));
  }

  JsonNode file(String token, Object request, String lang) throws Exception {
    String body =
        mvc.perform(
                post("/api/v1/incidents")
                    .header("Authorization", "Bearer " + token)
                    .header("Accept-Language", lang)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(json.writeValueAsString(request)))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    return json.readTree(body);
  }

  @Test
  void aPhishingMailOpenedOnOnePcShouldPointAtTheClientWithTheFailedChecksListed()
      throws Exception {
    String token = fixtures.token(fixtures.user(Fixtures.unique("sec"), Role.APPROVER));

    JsonNode report = file(token, phishing(), "ja-JP,ja;q=0.9");

    assertThat(report.get("lang").asString()).isEqualTo("ja");
    assertThat(report.at("/kind/label").asString()).isEqualTo("セキュリティ系トラブル");
    assertThat(report.at("/place/code").asString()).isEqualTo("CLIENT");
    assertThat(report.at("/place/votes/0/rule").asString()).isEqualTo("one-person");
    assertThat(report.get("findings").valueStream())
        .anySatisfy(f -> {
          assertThat(f.get("code").asString()).isEqualTo("auth.failed");
          assertThat(f.get("title").asString()).isEqualTo("送信ドメイン認証が通っていません");
          assertThat(f.get("detail").asString()).startsWith("dmarc=fail");
        });
    assertThat(
            report.at("/message/authentication").valueStream().map(a -> a.get("method").asString()))
        .contains("spf", "dkim", "dmarc");
    assertThat(report.at("/message/hops").size()).isGreaterThanOrEqualTo(2);
    assertThat(report.toString())
        .doesNotContain("sender@example.com", "recipient@linkedin.com")
        .doesNotContain("Subject line, could be UTF8 encoded");
  }

  @Test
  void theApiShouldGiveTheReportAndItsMarkdownToTheAuthorAndOperatorsOnly() throws Exception {
    User author = fixtures.user(Fixtures.unique("sec.author"), Role.AUTHOR);
    String authorToken = fixtures.token(author);
    String otherAuthor = fixtures.token(fixtures.user(Fixtures.unique("sec.other"), Role.AUTHOR));
    String operator = fixtures.token(fixtures.user(Fixtures.unique("sec.op"), Role.OPERATOR));
    String readOnly =
        fixtures.token(fixtures.user(Fixtures.unique("sec.ro"), Role.AUDITOR), Scope.AUDIT_READ);
    long id = file(authorToken, phishing(), "en").get("id").asLong();

    String md =
        mvc.perform(
                get("/api/v1/incidents/" + id + ".md")
                    .param("lang", "en")
                    .header("Authorization", "Bearer " + operator))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    assertThat(md)
        .contains("- Kind: Security incident")
        .contains("**The PC and mail software**")
        .contains("- **What damage?**: Information leaked through phishing");
    mvc.perform(get("/api/v1/incidents/" + id).header("Authorization", "Bearer " + authorToken))
        .andExpect(status().isOk());
    mvc.perform(get("/api/v1/incidents/" + id).header("Authorization", "Bearer " + otherAuthor))
        .andExpect(status().isNotFound());
    mvc.perform(get("/api/v1/incidents/" + id).header("Authorization", "Bearer " + readOnly))
        .andExpect(status().isForbidden());
    String otherList =
        mvc.perform(get("/api/v1/incidents").header("Authorization", "Bearer " + otherAuthor))
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    String operatorList =
        mvc.perform(get("/api/v1/incidents").header("Authorization", "Bearer " + operator))
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    assertThat(json.readTree(otherList).valueStream().map(i -> i.get("id").asLong()))
        .doesNotContain(id);
    assertThat(json.readTree(operatorList).valueStream().map(i -> i.get("id").asLong()))
        .contains(id);
  }

  @Test
  void multipartFilingShouldTakeTheFilesBesideTheJson() throws Exception {
    String token = fixtures.token(fixtures.user(Fixtures.unique("sec.mp"), Role.OPERATOR));
    Map<String, Object> request =
        Map.of(
            "kind",
            "non-delivery",
            "answers",
            Map.of("summary", "deliveries fail", "direction", "send"));

    String body =
        mvc.perform(
                multipart("/api/v1/incidents")
                    .file(
                        new MockMultipartFile(
                            "request", "", "application/json", json.writeValueAsBytes(request)))
                    .file(
                        new MockMultipartFile(
                            "logs",
                            "mail.log",
                            "text/plain",
                            ConformanceLog.bytes("smtp_0001", "smtp_0027", "smtp_0028")))
                    .header("Authorization", "Bearer " + token))
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString(UTF_8);
    JsonNode report = json.readTree(body);

    assertThat(report.at("/logs/tlsFailures").asLong()).isEqualTo(2);
    assertThat(report.at("/place/code").asString()).isEqualTo("MAIL_SERVER");
    assertThat(report.at("/place/votes/0/text").asString())
        .isEqualTo("Our MTA logged 2 TLS failures and 0 temporary DNS failures.");
  }
}
