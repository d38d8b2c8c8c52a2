package dev.hikyaku.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.Role;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace through Hikyaku's own delivery records (Hikyaku writes no log file): by recipient
 * address and by the Message-ID of a campaign message, for operators and auditors, with the source
 * named on the page and in the JSON.
 */
@HikyakuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryTraceIntegrationTests {

  private static final String RECIPIENT = "trace.target@example.co.jp";
  private static final String TOKEN = "diagtrace" + "q".repeat(17);

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;

  /** One message, greylisted once and then delivered, as the delivery engine records it. */
  @BeforeAll
  void aDeliveredMessage() {
    OffsetDateTime at = OffsetDateTime.of(2026, 11, 23, 1, 0, 0, 0, ZoneOffset.UTC);
    GeneratedKeyHolder job = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO send_job (source_kind, source_id, state, created_by, created_at,"
                + " updated_at, not_before, expansion_done) VALUES ('campaign', 999001,"
                + " 'COMPLETED', 'user:test', :at, :at, :at, TRUE)")
        .param("at", at)
        .update(job, "id");
    GeneratedKeyHolder delivery = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO delivery (job_id, cursor_key, recipient, recipient_domain, token, state,"
                + " attempts, next_attempt_at, last_code, last_reply, queued_at, finished_at)"
                + " VALUES (:job, 1, :r, 'example.co.jp', :t, 'DELIVERED', 2, :at, 250,"
                + " '250 2.0.0 Ok: queued as 4Xyz', :at, :done)")
        .param("job", job.getKeyAs(Number.class).longValue())
        .param("r", RECIPIENT)
        .param("t", TOKEN)
        .param("at", at)
        .param("done", at.plusMinutes(5))
        .update(delivery, "id");
    long id = delivery.getKeyAs(Number.class).longValue();
    attempt(id, at.plusSeconds(1), "DEFERRED", 450, "450 4.2.0 Greylisted, try again later");
    attempt(id, at.plusMinutes(5), "DELIVERED", 250, "250 2.0.0 Ok: queued as 4Xyz");
  }

  @Test
  void anOperatorShouldTraceByAddressAndSeeWhichSourceAnswered() throws Exception {
    String page =
        mvc.perform(
                get("/diagnosis/deliveries")
                    .param("trace", RECIPIENT)
                    .session(
                        fixtures.session(fixtures.user(Fixtures.unique("dt.op"), Role.OPERATOR))))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(page)
        .contains("data-source=\"hikyaku-deliveries\"")
        .contains("Source: Hikyaku’s delivery records")
        .contains("data-state=\"DELIVERED\"")
        .contains("450 4.2.0 Greylisted, try again later")
        .contains("mx.example.co.jp 198.51.100.25")
        .contains("TLSv1.3 TLS_AES_256_GCM_SHA384");
  }

  @Test
  void anAuditorShouldTraceACampaignMessageByItsMessageIdOverTheApi() throws Exception {
    String token = fixtures.token(fixtures.user(Fixtures.unique("dt.aud"), Role.AUDITOR));

    JsonNode report =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(
                        get("/api/v1/diagnosis/deliveries")
                            .param("trace", "<" + TOKEN + "@news.example.co.jp>")
                            .param("trace", "<someone-else@example.net>")
                            .param("trace", "1A2B3C4D5E")
                            .header("Authorization", "Bearer " + token))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));

    assertThat(report.get("source").asString()).isEqualTo("hikyaku-deliveries");
    JsonNode found = report.get("results").get(0);
    assertThat(found.get("kind").asString()).isEqualTo("MESSAGE_ID");
    assertThat(found.get("records").get(0).get("recipient").asString()).isEqualTo(RECIPIENT);
    assertThat(found.get("records").get(0).get("history")).hasSize(2);
    assertThat(report.get("results").get(1).get("note").asString())
        .contains("no message Hikyaku sent");
    assertThat(report.get("results").get(2).get("note").asString()).contains("Postfix");
  }

  @Test
  void authorsShouldNotReachHikyakusDeliveryRecordsAndAnEmptyTraceIsBadInput() throws Exception {
    var author = fixtures.user(Fixtures.unique("dt.author"), Role.AUTHOR);
    mvc.perform(
            get("/api/v1/diagnosis/deliveries")
                .param("trace", RECIPIENT)
                .header("Authorization", "Bearer " + fixtures.token(author)))
        .andExpect(status().isForbidden());
    mvc.perform(
            get("/diagnosis/deliveries")
                .param("trace", RECIPIENT)
                .session(fixtures.session(author)))
        .andExpect(status().isForbidden());
    var auditor = fixtures.user(Fixtures.unique("dt.aud2"), Role.AUDITOR);
    mvc.perform(
            get("/api/v1/diagnosis/deliveries")
                .header("Authorization", "Bearer " + fixtures.token(auditor)))
        .andExpect(status().isBadRequest());
  }

  private void attempt(long delivery, OffsetDateTime at, String outcome, int code, String reply) {
    jdbc.sql(
            "INSERT INTO delivery_attempt (delivery_id, attempted_at, route, host, address,"
                + " outcome, code, enhanced, reply, tls_protocol, tls_cipher, tls_verified,"
                + " duration_ms, node) VALUES (:d, :at, 'direct', 'mx.example.co.jp',"
                + " '198.51.100.25', :o, :c, '', :r, 'TLSv1.3', 'TLS_AES_256_GCM_SHA384', TRUE,"
                + " 120, 'node-1')")
        .param("d", delivery)
        .param("at", at)
        .param("o", outcome)
        .param("c", code)
        .param("r", reply)
        .update();
  }
}
