package dev.hikyaku.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The header analyzer's console page and API on real messages: the RFC 6376 / RFC 8463 signed
 * example from the shared conformance data (re-checked against keys served by the test zone), the
 * diagnose library's bounce samples, a mojibake message, and input that is no message at all.
 */
@HikyakuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeaderAnalyzerIntegrationTests {

  /** Three hops, the middle one across the internet without TLS, 7m20s at the last. */
  static final String HEADERS =
      """
      Received: from mx.example.org (mx.example.org [198.51.100.20])
      \tby mail.example.co.jp (Postfix) with ESMTPS id 4Xyz1
      \t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))
      \tfor <tanaka@example.co.jp>; Mon, 23 Nov 2026 10:07:30 +0900 (JST)
      Received: from out.esp.example (out.esp.example [203.0.113.7])
      \tby mx.example.org (Postfix) with ESMTP id 9Abc2
      \tfor <tanaka@example.co.jp>; Mon, 23 Nov 2026 01:00:10 +0000
      Received: from app1.esp.example (app1.esp.example [192.0.2.10])
      \tby out.esp.example (Postfix) with ESMTPSA id 7Def3;
      \tMon, 23 Nov 2026 10:00:00 +0900
      X-Forefront-Antispam-Report: CIP:203.0.113.7;SCL:1;SFV:NSPM;CAT:NONE;DIR:INB;
      Date: Mon, 23 Nov 2026 09:59:58 +0900
      From: Newsletter <news@esp.example>
      To: Tanaka Taro <tanaka@example.co.jp>
      Subject: November news
      """;

  /** The first hop outside football.example.com, and the receiver's verdict: DKIM failed. */
  private static final String ARRIVAL =
      """
      Return-Path: <joe@football.example.com>
      Authentication-Results: mx.shopping.example.net; dkim=fail header.d=football.example.com
      Received: from mail.football.example.com (mail.football.example.com [192.0.2.25])
      \tby mx.shopping.example.net (Postfix) with ESMTPS id 4AbCdE
      \t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))
      \tfor <suzie@shopping.example.net>; Fri, 11 Jul 2003 21:01:00 -0700
      """;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired InMemoryZone zone;

  private User author;

  @BeforeAll
  void keys() {
    // RFC 8463 Appendix A.2 and dkimpy's test key: the RFC 6376 example's two signatures.
    zone.txt(
        "brisbane._domainkey.football.example.com",
        "v=DKIM1; k=ed25519; p=11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=");
    zone.txt(
        "test._domainkey.football.example.com",
        new String(DiagnosisSamples.conformance("dkim/test.txt"), StandardCharsets.US_ASCII)
            .strip());
    zone.txt("football.example.com", "v=spf1 ip4:192.0.2.25 -all");
    zone.txt("_dmarc.football.example.com", "v=DMARC1; p=reject");
  }

  @BeforeEach
  void people() {
    author = fixtures.user(Fixtures.unique("diag.author"), Role.AUTHOR);
  }

  @Test
  void pastedHeadersShouldShowTheHopTableWithDelaysBarsAndFindingsInBothLanguages()
      throws Exception {
    String page = console(HEADERS, "en");

    assertThat(page)
        .contains("data-hop=\"3\"")
        .contains("7m20s")
        .contains("app1.esp.example [192.0.2.10]")
        .contains("TLS_AES_256_GCM_SHA384")
        .contains("data-code=\"hop.no-tls\"")
        .contains("Unencrypted hop across the internet")
        .contains("Transit, first to last hop: 7m30s")
        .contains("SFV NSPM: not spam")
        .containsPattern("<rect x=\"0\" y=\"1\" height=\"10\" width=\"100\"")
        .contains("id=\"redact\"")
        .doesNotContain(" style=");
    assertThat(console(HEADERS, "ja"))
        .contains("経路（古い順）")
        .contains("インターネット上の暗号化されていない中継")
        .contains("伏せ字版をダウンロード");
  }

  @Test
  void anUploadedSignedMessageShouldBeRecheckedAndTheDifferenceExplained() throws Exception {
    byte[] message = arrived(DiagnosisSamples.conformance("dkim/rfc6376.signed.msg"));

    String page =
        mvc.perform(
                multipart("/diagnosis/headers")
                    .file(new MockMultipartFile("file", "dinner.eml", "message/rfc822", message))
                    .param("recheck", "true")
                    .with(csrf())
                    .session(fixtures.session(author)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .contains("dinner.eml")
        .contains("Re-check now")
        .containsPattern(
            "data-method=\"dkim\">\\s*<td>dkim</td>\\s*<td><span class=\"badge ok\">pass")
        .contains("football.example.com s=brisbane")
        .contains("football.example.com s=test")
        .contains("data-code=\"auth.differs\"")
        .contains("dkim: mx.shopping.example.net recorded fail, the re-check gives pass");
  }

  @Test
  void theApiShouldReturnTheTypedReportForARawMessageOrAMultipartFile() throws Exception {
    byte[] message = arrived(DiagnosisSamples.conformance("dkim/rfc6376.signed.msg"));
    String token = fixtures.token(fixtures.user(Fixtures.unique("diag.auditor"), Role.AUDITOR));

    JsonNode raw =
        json(
            mvc.perform(
                    post("/api/v1/diagnosis/headers")
                        .header("Authorization", "Bearer " + token)
                        .contentType("message/rfc822")
                        .content(message))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(raw.get("hops")).hasSize(1);
    JsonNode hop = raw.get("hops").get(0);
    assertThat(hop.get("fromAddress").asString()).isEqualTo("192.0.2.25");
    assertThat(hop.get("tlsVersion").asString()).isEqualTo("TLSv1.3");
    assertThat(hop.get("firstExternal").asBoolean()).isTrue();
    assertThat(hop.has("sender")).as("view helpers are not part of the JSON").isFalse();
    assertThat(raw.get("recorded").get(0).get("result").asString()).isEqualTo("fail");
    assertThat(raw.get("recheck").get("verdicts").findValuesAsString("result"))
        .containsExactly("pass", "pass", "pass", "pass");
    assertThat(raw.get("findings").findValuesAsString("code")).contains("auth.differs");
    assertThat(raw.get("encoding").get("parts").get(0).get("where").asString()).isEqualTo("body");
    assertThat(raw.get("input").get("headersOnly").asBoolean()).isFalse();

    JsonNode upload =
        json(
            mvc.perform(
                    multipart("/api/v1/diagnosis/headers")
                        .file(new MockMultipartFile("file", "m.eml", "message/rfc822", message))
                        .param("recheck", "false")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(upload.get("recheck").isNull()).isTrue();
    assertThat(upload.get("hops").get(0).get("by").asString()).isEqualTo("mx.shopping.example.net");
  }

  @Test
  void everyBounceSampleShouldGiveAReport() throws Exception {
    String token = fixtures.token(author);
    for (String name : DiagnosisSamples.bounceNames()) {
      JsonNode report =
          json(
              mvc.perform(
                      post("/api/v1/diagnosis/headers")
                          .param("recheck", "false")
                          .header("Authorization", "Bearer " + token)
                          .contentType("message/rfc822")
                          .content(DiagnosisSamples.bounce(name)))
                  .andExpect(status().isOk())
                  .andReturn());
      List<String> codes = report.get("findings").findValuesAsString("code");
      assertThat(codes).as(name).doesNotContain("input.not-a-message");
      assertThat(report.get("hops").size() > 0 || codes.contains("received.none"))
          .as(name + ": hops, or the finding that there are none")
          .isTrue();
    }
  }

  @Test
  void mojibakeShouldBeDiagnosedWithCauseAndFix() throws Exception {
    Charset sjis = Charset.forName("Shift_JIS");
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    message.writeBytes(HEADERS.replace("Subject: November news\n", "").getBytes(sjis));
    message.writeBytes("Subject: 会議のお知らせ\nMIME-Version: 1.0\n".getBytes(sjis));
    message.writeBytes("Content-Type: text/plain; charset=ISO-2022-JP\n".getBytes(sjis));
    message.writeBytes("Content-Transfer-Encoding: 8bit\n\n".getBytes(sjis));
    message.writeBytes("明日の会議は十時からです。よろしくお願いします。\n".getBytes(sjis));

    String page =
        mvc.perform(
                multipart("/diagnosis/headers")
                    .file(new MockMultipartFile("file", "m.eml", "", message.toByteArray()))
                    .header("Accept-Language", "ja")
                    .with(csrf())
                    .session(fixtures.session(author)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .contains("文字コード（文字化け）")
        .contains("data-code=\"header.raw-8bit\"")
        .contains("data-code=\"body.charset-mismatch\"")
        .contains("明日の会議は十時からです")
        .contains("Shift_JIS");
  }

  @Test
  void theRedactedExportShouldContainNoOriginalAddress() throws Exception {
    for (String name : List.of("gmail-no-such-user.eml", "vacation-ja.eml", "exim-failed.eml")) {
      byte[] message = DiagnosisSamples.bounce(name);
      String original = HeaderBlockText.of(message);
      String exported =
          mvc.perform(
                  multipart("/diagnosis/headers/redacted")
                      .file(new MockMultipartFile("file", name, "message/rfc822", message))
                      .param("addresses", "true")
                      .param("names", "true")
                      .param("subject", "true")
                      .param("fields", "Message-ID", "In-Reply-To, References")
                      .with(csrf())
                      .session(fixtures.session(author)))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString(StandardCharsets.UTF_8);

      List<String> addresses = addresses(original);
      assertThat(addresses).as(name).isNotEmpty();
      assertThat(exported).as(name).doesNotContain(addresses.toArray(String[]::new));
      assertThat(exported).as(name).contains("Received:").contains("user1@");
    }

    // The same through the API, whose defaults mask addresses, names and the subject.
    byte[] message = DiagnosisSamples.bounce("gmail-no-such-user.eml");
    String text =
        mvc.perform(
                post("/api/v1/diagnosis/headers/redacted")
                    .header("Authorization", "Bearer " + fixtures.token(author))
                    .contentType("message/rfc822")
                    .content(message))
            .andExpect(status().isOk())
            .andExpect(result ->
                assertThat(result.getResponse().getContentType()).startsWith("text/plain"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(text)
        .doesNotContain("hanako.nonexistent@gmail.com", "mailer-daemon@googlemail.com")
        .doesNotContain("Delivery Status Notification")
        .contains("[subject redacted]");
  }

  @Test
  void emptyGarbageBinaryAndTruncatedInputShouldGiveAReportOrAClearError() throws Exception {
    // Empty: a clear 400, and what was typed is kept (nothing here).
    String empty =
        mvc.perform(
                multipart("/diagnosis/headers")
                    .file(new MockMultipartFile("file", "empty.eml", "", new byte[0]))
                    .with(csrf())
                    .session(fixtures.session(author)))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(empty).contains("Paste the headers or choose a message file.");
    String token = fixtures.token(author);
    mvc.perform(
            post("/api/v1/diagnosis/headers")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.TEXT_PLAIN))
        .andExpect(status().isBadRequest());

    // A redaction with nothing to redact, or a field name that is none: the page again, with why.
    String badField =
        mvc.perform(
                multipart("/diagnosis/headers/redacted")
                    .param("headers", HEADERS)
                    .param("fields", "X-Mailer:")
                    .with(csrf())
                    .session(fixtures.session(author)))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(badField)
        .contains("“X-Mailer:” is not a header field name.")
        .contains("id=\"analyze\"");
    mvc.perform(
            multipart("/diagnosis/headers/redacted")
                .param("headers", "")
                .with(csrf())
                .session(fixtures.session(author)))
        .andExpect(status().isBadRequest());

    // Binary: a report that says it is no message.
    byte[] binary = new byte[64 * 1024];
    new java.util.Random(7).nextBytes(binary);
    JsonNode report =
        json(
            mvc.perform(
                    post("/api/v1/diagnosis/headers")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.APPLICATION_OCTET_STREAM)
                        .content(binary))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(report.get("findings").findValuesAsString("code")).contains("input.not-a-message");

    // Garbage text and a header block cut in the middle of a Received field.
    assertThat(console("this is not\na message at all\n\u0000\u0001", "en"))
        .contains("data-code=\"input.not-a-message\"");
    String cut =
        HEADERS.substring(0, HEADERS.indexOf("for <tanaka@example.co.jp>; Mon, 23 Nov 2026 01"));
    assertThat(console(cut, "en")).contains("data-hop=\"1\"").contains("id=\"findings\"");
  }

  @Test
  void theIndexPageShouldLeadToTheThreeAnalyzers() throws Exception {
    String page =
        mvc.perform(get("/diagnosis").session(fixtures.session(author)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(page)
        .contains("href=\"/diagnosis/headers\"")
        .contains("href=\"/diagnosis/logs\"")
        .contains("href=\"/diagnosis/domain\"")
        .contains("href=\"/diagnosis\">Diagnosis</a>");
  }

  private String console(String headers, String language) throws Exception {
    return mvc.perform(
            multipart("/diagnosis/headers")
                .param("headers", headers)
                .header("Accept-Language", language)
                .with(csrf())
                .session(fixtures.session(author)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /** {@code message} as the receiver kept it: its verdict and Received field on top. */
  private static byte[] arrived(byte[] message) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ARRIVAL.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(message);
    return out.toByteArray();
  }

  private static List<String> addresses(String text) {
    Matcher m = Pattern.compile("[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+").matcher(text);
    List<String> out = new ArrayList<>();
    while (m.find()) {
      out.add(m.group());
    }
    return out;
  }

  private static JsonNode json(MvcResult result) throws Exception {
    return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}
