package dev.hikyaku.diagnosis;

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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The log analyzer's console page and API on Postfix logs: every line of the postfix-grok-patterns
 * conformance suite, a day of realistic traffic with a deferral and a bounce, a 20 MB log, gzip,
 * and uploads that are no log at all.
 */
@HikyakuTest
class LogAnalyzerIntegrationTests {

  /** Two messages: one greylisted then delivered, one bounced with its notification; a reject. */
  static final String LOG = dev.hikyaku.test.Samples.POSTFIX_LOG;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  private User approver;
  private String token;

  @BeforeEach
  void people() {
    approver = fixtures.user(Fixtures.unique("diag.approver"), Role.APPROVER);
    token = fixtures.token(fixtures.user(Fixtures.unique("diag.operator"), Role.OPERATOR));
  }

  @Test
  void everyLineOfTheConformanceSuiteShouldBeReadAsAPostfixEvent() throws Exception {
    List<String> lines = DiagnosisSamples.postfixLogLines();
    byte[] log = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);

    JsonNode report =
        json(
            mvc.perform(
                    multipart("/api/v1/diagnosis/logs")
                        .file(new MockMultipartFile("file", "grok.log", "text/plain", log))
                        .param("date", "2026-11-23")
                        .param("trace", "7EE668039")
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn());

    assertThat(lines).hasSizeGreaterThan(150);
    JsonNode input = report.get("summary").get("input");
    assertThat(input.get("lines").asLong()).isEqualTo(lines.size());
    assertThat(input.get("events").asLong()).isEqualTo(lines.size());
    assertThat(input.get("notSyslog").asLong()).isZero();
    assertThat(input.get("notPostfix").asLong()).isZero();
    assertThat(report.get("source").asString()).isEqualTo("postfix-log");
    JsonNode totals = report.get("summary").get("totals");
    assertThat(totals.get("delivered").asLong()).isPositive();
    assertThat(totals.get("rejected").asLong()).isPositive();
    // smtp_0001: 7EE668039 to admin@example.com, relayed to 127.0.0.1:2525 and sent.
    JsonNode trace = report.get("traces").get(0);
    assertThat(trace.get("queueId").get("value").asString()).isEqualTo("7EE668039");
    assertThat(trace.get("recipients").get(0).get("recipient").asString())
        .isEqualTo("admin@example.com");
    assertThat(trace.get("recipients").get(0).get("status").asString()).isEqualTo("SENT");
  }

  @Test
  void theConsoleShouldSummarizeAndTraceInBothLanguagesAndSayTheSource() throws Exception {
    String page = upload(LOG.getBytes(StandardCharsets.UTF_8), "gone@example.org", "en");

    assertThat(page)
        .contains("data-source=\"postfix-log\"")
        .contains("Source: the uploaded Postfix logs")
        .contains("mail.log")
        .contains("data-queue-id=\"2B3C4D5E6F\"")
        .doesNotContain("data-queue-id=\"1A2B3C4D5E\"")
        .contains("&lt;n2@news.example.co.jp&gt;")
        .contains("data-status=\"bounced\"")
        .contains("3C4D5E6F70")
        .contains("docomo.ne.jp")
        .contains("Relay access denied")
        .contains("2026-11-23 10:00")
        .containsPattern("<rect x=\"0\" y=\"1\" height=\"10\" width=\"100\"")
        .doesNotContain(" style=");
    assertThat(upload(LOG.getBytes(StandardCharsets.UTF_8), "", "ja"))
        .contains("情報源: アップロードされた Postfix のログ")
        .contains("不達の理由別（上位 10）")
        .doesNotContain("data-queue-id=");
  }

  @Test
  void aTwentyMegabyteLogShouldBeAnalysedThroughTheConsoleAndTheApi() throws Exception {
    int messages = 34_000;
    byte[] log = traffic(messages);
    assertThat(log.length).isGreaterThan(20 * 1024 * 1024);

    String queueId = String.format("%010X", 400);
    String page = upload(log, queueId, "en");
    assertThat(page)
        .contains("data-queue-id=\"" + queueId + "\"")
        .contains("user400@example.co.jp");

    JsonNode report =
        json(
            mvc.perform(
                    post("/api/v1/diagnosis/logs")
                        .param("date", "2026-11-23")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(log))
                .andExpect(status().isOk())
                .andReturn());
    JsonNode totals = report.get("summary").get("totals");
    assertThat(totals.get("received").asLong()).isEqualTo(messages);
    assertThat(totals.get("delivered").asLong()).isEqualTo(messages - messages / 10);
    assertThat(totals.get("bounced").asLong()).isEqualTo(messages / 10);
    assertThat(report.get("files").get(0).get("bytes").asLong()).isEqualTo(log.length);
    assertThat(report.get("summary").get("input").get("tracesOpen").asInt()).isZero();
  }

  @Test
  void anAddressFoundInManyMessagesShouldListOnlyTheFirstAndCountTheRest() throws Exception {
    JsonNode report =
        json(
            mvc.perform(
                    post("/api/v1/diagnosis/logs")
                        .param("trace", "news@example.co.jp")
                        .header("Authorization", "Bearer " + token)
                        .contentType(MediaType.TEXT_PLAIN)
                        .content(traffic(1_000)))
                .andExpect(status().isOk())
                .andReturn());
    assertThat(report.get("traces")).hasSize(200);
    assertThat(report.get("tracesOmitted").asLong()).isEqualTo(800);
  }

  @Test
  void gzipAndSeveralFilesShouldBeReadInOrderAndADamagedGzipUpToTheDamage() throws Exception {
    byte[] gz = gzip(LOG.getBytes(StandardCharsets.UTF_8));
    byte[] cut = Arrays.copyOf(gz, gz.length - 12);

    JsonNode report =
        json(
            mvc.perform(
                    multipart("/api/v1/diagnosis/logs")
                        .file(new MockMultipartFile("file", "mail.log.1.gz", "", gz))
                        .file(new MockMultipartFile("file", "mail.log.2.gz", "", cut))
                        .header("Authorization", "Bearer " + token))
                .andExpect(status().isOk())
                .andReturn());
    JsonNode files = report.get("files");
    assertThat(files.get(0).get("gzip").asBoolean()).isTrue();
    assertThat(files.get(0).get("problem").isNull()).isTrue();
    assertThat(files.get(1).get("problem").asString()).contains("damaged gzip");
    assertThat(report.get("summary").get("totals").get("bounced").asLong()).isBetween(1L, 2L);
  }

  @Test
  void uploadsThatAreNoLogShouldGiveAReportOrAClearError() throws Exception {
    // Empty: 400, and the trace typed is kept in the form.
    String empty =
        mvc.perform(
                multipart("/diagnosis/logs")
                    .file(new MockMultipartFile("file", "empty.log", "", new byte[0]))
                    .param("trace", "kept@example.com")
                    .with(csrf())
                    .session(fixtures.session(approver)))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(empty).contains("Choose a log file with lines in it.").contains("kept@example.com");
    mvc.perform(
            post("/api/v1/diagnosis/logs")
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.TEXT_PLAIN))
        .andExpect(status().isBadRequest());

    // Binary, with a "line" longer than the parser takes: a report that finds no Postfix line.
    byte[] binary = new byte[3 * 1024 * 1024];
    new java.util.Random(11).nextBytes(binary);
    for (int i = 0; i < binary.length; i++) {
      if (binary[i] == '\n' || binary[i] == '\r') {
        binary[i] = 'x';
      }
    }
    assertThat(upload(binary, "", "en"))
        .contains("id=\"no-postfix\"")
        .contains("1 lines: 0 Postfix events");

    // Too many trace terms: 400 with the limit.
    mvc.perform(
            post("/api/v1/diagnosis/logs")
                .param(
                    "trace",
                    java.util.stream.IntStream.range(0, 21)
                        .mapToObj(i -> "a" + i + "@example.com")
                        .toArray(String[]::new))
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.TEXT_PLAIN)
                .content(LOG))
        .andExpect(status().isBadRequest());
  }

  @Test
  void theFormShouldOfferHikyakusOwnDeliveriesOnlyToThoseWhoMayLookThemUp() throws Exception {
    String forApprover =
        mvc.perform(get("/diagnosis/logs").session(fixtures.session(approver)))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(forApprover).contains("id=\"upload\"").doesNotContain("id=\"deliveries-form\"");
    User auditor = fixtures.user(Fixtures.unique("diag.auditor"), Role.AUDITOR);
    assertThat(
            mvc.perform(get("/diagnosis/logs").session(fixtures.session(auditor)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8))
        .contains("id=\"deliveries-form\"");
  }

  private String upload(byte[] log, String trace, String language) throws Exception {
    return mvc.perform(
            multipart("/diagnosis/logs")
                .file(new MockMultipartFile("file", "mail.log", "text/plain", log))
                .param("trace", trace)
                .param("date", "2026-11-23")
                .header("Accept-Language", language)
                .with(csrf())
                .session(fixtures.session(approver)))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  /**
   * {@code messages} messages of a day's traffic, five lines each, every tenth bounced; about 800
   * bytes a message.
   */
  static byte[] traffic(int messages) {
    return traffic(0, messages);
  }

  /** Messages {@code from} to {@code until} (exclusive) of {@link #traffic(int)}. */
  static byte[] traffic(int from, int until) {
    StringBuilder log = new StringBuilder((until - from) * 800);
    for (int i = from; i < until; i++) {
      String q = String.format("%010X", i);
      String time = String.format("Nov 23 %02d:%02d:%02d", i / 3600 % 24, i / 60 % 60, i % 60);
      String to = "user" + i + "@" + (i % 3 == 0 ? "docomo.ne.jp" : "example.co.jp");
      log.append(time)
          .append(" relay1 postfix/smtpd[100]: ")
          .append(q)
          .append(": client=app.example.co.jp[192.0.2.10], sasl_method=PLAIN, sasl_username=app\n");
      log.append(time)
          .append(" relay1 postfix/cleanup[101]: ")
          .append(q)
          .append(": message-id=<campaign.")
          .append(i)
          .append(".0123456789abcdef@news.example.co.jp>\n");
      log.append(time)
          .append(" relay1 postfix/qmgr[900]: ")
          .append(q)
          .append(": from=<news@example.co.jp>, size=48213, nrcpt=1 (queue active)\n");
      if (i % 10 == 9) {
        log.append(time)
            .append(" relay1 postfix/smtp[200]: ")
            .append(q)
            .append(": to=<")
            .append(to)
            .append(">, relay=mx.example.co.jp[198.51.100.2]:25, delay=0.5, delays=0.1/0/0.2/0.2,")
            .append(" dsn=5.1.1, status=bounced (host mx.example.co.jp[198.51.100.2] said: 550")
            .append(" 5.1.1 <")
            .append(to)
            .append(">: Recipient address rejected: User unknown in local recipient table (in")
            .append(" reply to RCPT TO command))\n");
      } else {
        log.append(time)
            .append(" relay1 postfix/smtp[200]: ")
            .append(q)
            .append(": to=<")
            .append(to)
            .append(">, relay=mx1.docomo.ne.jp[203.0.113.1]:25, delay=1.2,")
            .append(" delays=0.1/0.01/0.3/0.8, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as")
            .append(" 4Xyz")
            .append(i)
            .append(" for <")
            .append(to)
            .append("> with TLS, size 48213 bytes, accepted by the receiving server)\n");
      }
      log.append(time).append(" relay1 postfix/qmgr[900]: ").append(q).append(": removed\n");
    }
    return log.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return out.toByteArray();
  }

  private static JsonNode json(MvcResult result) throws Exception {
    return JSON.readTree(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
  }
}
