package dev.hikyaku.diagnosis.intake;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audit.AuditEntry;
import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditRepository;
import dev.hikyaku.identity.Role;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A non-delivery report filed in the console with a real bounce (the diagnose library's Postfix
 * sample) and a Postfix log built from the shared conformance lines: the findings, the likely
 * place, the redaction and both languages, in the page and in the Markdown and JSON exports, each
 * export in the operation log.
 */
@HikyakuTest
class IntakeIntegrationTests {

  /** A delivery, a 5.1.1 bounce, a 5.7.1 bounce, a bounce notice, a TLS handshake. */
  static final String[] LOG = {"smtp_0001", "local_0002", "smtp_0018", "bounce_0001", "smtp_0015"};

  /** What the bounce and the answers say that must never leave in an export. */
  static final List<String> PRIVATE =
      List.of(
          "taro.yamada@example.net",
          "news@example.jp",
          "bounce+q7Yx2Lm9-AbC_1@bounces.example.jp",
          "Undelivered Mail Returned to Sender");

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired AuditRepository audit;
  @Autowired JsonMapper json;

  static MockMultipartHttpServletRequestBuilder nonDelivery() {
    return multipart("/incidents")
        .file(
            new MockMultipartFile(
                "headersFile",
                "bounce.eml",
                "message/rfc822",
                ConformanceLog.bounceSample("postfix-user-unknown.eml")))
        .file(
            new MockMultipartFile("logFiles", "mail.log", "text/plain", ConformanceLog.bytes(LOG)))
        .param("kind", "non-delivery")
        .param("q.summary", "Mail to taro.yamada@example.net comes back")
        .param("q.direction", "send")
        .param("q.scope", "one-account")
        .param("q.counterpart", "one")
        .param("q.since", "2026-11-23 10:00")
        .param("q.changes", "mail-settings")
        .param("q.trace", "ghdsgfhdslfh@localhost")
        .param("redaction", "shown")
        .param("redactAddresses", "on")
        .param("redactNames", "on")
        .param("redactSubject", "on");
  }

  String file(MockMultipartHttpServletRequestBuilder request, MockHttpSession session)
      throws Exception {
    return mvc.perform(request.with(csrf()).session(session))
        .andExpect(status().is3xxRedirection())
        .andReturn()
        .getResponse()
        .getRedirectedUrl();
  }

  String body(String url, String lang, MockHttpSession session) throws Exception {
    return mvc.perform(get(url).param("lang", lang).session(session))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(UTF_8);
  }

  @Test
  void aNonDeliveryReportShouldShowTheBounceTheTraceAndTheCounterpartAsThePlace() throws Exception {
    MockHttpSession author = fixtures.session(fixtures.user(Fixtures.unique("nd"), Role.AUTHOR));

    String location = file(nonDelivery(), author);
    String page = body(location, "ja", author);

    assertThat(location).matches("/incidents/\\d+");
    assertThat(page)
        .contains("data-place=\"SENDER_SIDE\"")
        .contains("相手側")
        .contains("宛先のアドレスまたはメールボックスが原因で恒久的に配送できませんでした（5.1.1）")
        .contains("影響があるのは単独の相手だけです。")
        .contains("data-code=\"bounce.failed\"")
        .contains("配送に失敗しました")
        .contains("892A0205B6")
        .contains("メールの設定を変えた");
    assertThat(page).doesNotContain(PRIVATE.toArray(String[]::new));
  }

  @Test
  void theMarkdownExportShouldBeRedactedAndInTheLanguageAsked() throws Exception {
    MockHttpSession author = fixtures.session(fixtures.user(Fixtures.unique("md"), Role.AUTHOR));
    String location = file(nonDelivery(), author);
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

    String en = body(location + ".md", "en", author);
    String ja = body(location + ".md", "ja", author);

    assertThat(en)
        .startsWith("# Incident report " + id + ": Mail to user")
        .contains("- Kind: Non-delivery")
        .contains("**The other party’s side**")
        .contains("The delivery failed for good on the recipient’s address or mailbox (5.1.1)")
        .contains("| Problem | Delivery failed (`bounce.failed`) |")
        .contains("- **Sending, receiving, or both?**: Sending")
        .contains("Masked: addresses, names, subject.")
        .contains("**Queue ID 892A0205B6**")
        .contains("[subject redacted]");
    assertThat(ja)
        .startsWith("# インシデント報告 " + id + ": ")
        .contains("- 種類: 不達（機能系トラブル）")
        .contains("**相手側**")
        .contains("## 回答")
        .contains("伏せ字にした項目：メールアドレス、表示名、件名。");
    for (String text : List.of(en, ja)) {
      assertThat(text).doesNotContain(PRIVATE.toArray(String[]::new));
      // One address, one token: the bounce's recipient is the same token wherever it appears.
      String token = text.replaceAll("(?s).*?(user\\d+@domain\\d+\\.example).*", "$1");
      assertThat(text.split(java.util.regex.Pattern.quote(token), -1).length).isGreaterThan(2);
    }
  }

  @Test
  void theJsonExportShouldCarryCodesLabelsAndTheRedactedData() throws Exception {
    MockHttpSession author = fixtures.session(fixtures.user(Fixtures.unique("js"), Role.AUTHOR));
    String location = file(nonDelivery(), author);
    long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

    String text = body(location + ".json", "ja", author);
    JsonNode report = json.readTree(text);

    assertThat(text).doesNotContain(PRIVATE.toArray(String[]::new));
    assertThat(report.get("lang").asString()).isEqualTo("ja");
    assertThat(report.at("/place/code").asString()).isEqualTo("SENDER_SIDE");
    assertThat(report.at("/place/label").asString()).isEqualTo("相手側");
    assertThat(report.at("/kind/code").asString()).isEqualTo("non-delivery");
    assertThat(report.at("/message/bounce/0/status").asString()).isEqualTo("5.1.1");
    assertThat(report.at("/message/bounce/0/recipient").asString())
        .matches("user\\d+@domain\\d+\\.example");
    assertThat(report.at("/logs/traces/0/queueId").asString()).isEqualTo("892A0205B6");
    assertThat(report.at("/logs/traces/0/recipients/0/dsn").asString()).isEqualTo("5.1.1");
    assertThat(report.at("/logs/bounced").asLong()).isEqualTo(2);
    assertThat(report.at("/redaction/applied").asBoolean()).isTrue();
    assertThat(report.get("findings").valueStream().map(f -> f.get("code").asString()))
        .contains("bounce.failed", "log.recipient-bounced");
    assertThat(audited(id)).contains("incident.create").contains("incident.export");
    assertThat(
            audit.find(new AuditQuery(null, null, null, "incident.export", null, null, 50)).stream()
                .filter(e -> e.target().equals("incident:" + id))
                .map(AuditEntry::after))
        .containsExactly("json, ja");
  }

  @Test
  void untickingTheRedactionShouldKeepTheOriginals() throws Exception {
    MockHttpSession author = fixtures.session(fixtures.user(Fixtures.unique("plain"), Role.AUTHOR));
    String location =
        file(
            multipart("/incidents")
                .file(
                    new MockMultipartFile(
                        "headersFile",
                        "bounce.eml",
                        "message/rfc822",
                        ConformanceLog.bounceSample("postfix-user-unknown.eml")))
                .param("kind", "non-delivery")
                .param("q.summary", "internal only")
                .param("q.direction", "send")
                .param("redaction", "shown"),
            author);

    String md = body(location + ".md", "en", author);

    assertThat(md).contains("taro.yamada@example.net").contains("Nothing masked");
  }

  private List<String> audited(long id) {
    return audit.find(new AuditQuery(null, null, null, "incident.", null, null, 100)).stream()
        .filter(e -> e.target().equals("incident:" + id))
        .map(AuditEntry::action)
        .toList();
  }
}
