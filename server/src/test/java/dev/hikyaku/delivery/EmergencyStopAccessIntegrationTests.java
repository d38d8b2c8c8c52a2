package dev.hikyaku.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audit.AuditEntry;
import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditRepository;
import dev.hikyaku.identity.IpScope;
import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.Scope;
import dev.hikyaku.identity.network.IpRuleService;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The emergency stop through the API and the console: who may pull and release it, the form on
 * every page and the banner while it is pulled, the send network rule for the resume, and the
 * operation log entries.
 */
@HikyakuTest
class EmergencyStopAccessIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired DeliveryService delivery;
  @Autowired AuditRepository audit;
  @Autowired IpRuleService rules;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void leaveSendingRunningAndTheNetworkOpen() {
    rules.clear(IpScope.SEND);
    delivery.resumeAll();
  }

  @Test
  void theApiShouldHaltForApproversAndResumeOnlyForOperatorsKeepingTheFirstReason()
      throws Exception {
    User approver = fixtures.user("halt.api.approver", Role.APPROVER);
    User operator = fixtures.user("halt.api.operator", Role.OPERATOR);
    String approverToken = fixtures.token(approver);
    String operatorToken = fixtures.token(operator);

    mvc.perform(halt(approverToken, "{\"reason\":\"wrong list in flight\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.halted").value(true))
        .andExpect(jsonPath("$.reason").value("wrong list in flight"))
        .andExpect(
            jsonPath("$.by").value(org.hamcrest.Matchers.startsWith("token:halt.api.approver/")));
    mvc.perform(halt(operatorToken, "{\"reason\":\"me too\"}"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.reason").value("wrong list in flight"));
    mvc.perform(get("/api/v1/delivery/halt").header("Authorization", "Bearer " + operatorToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.halted").value(true))
        .andExpect(jsonPath("$.since").isNotEmpty());

    mvc.perform(resume(approverToken)).andExpect(status().isForbidden());
    String readOnly = fixtures.token(operator, Scope.CAMPAIGNS_READ);
    mvc.perform(resume(readOnly)).andExpect(status().isForbidden());
    assertThat(delivery.halt()).isPresent();

    mvc.perform(resume(operatorToken))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.halted").value(false));
    assertThat(delivery.halt()).isEmpty();

    List<AuditEntry> halts = entries("delivery.halt", 2);
    assertThat(halts.get(1).actor()).startsWith("token:halt.api.approver/");
    assertThat(halts.get(1).after()).isEqualTo("halted: wrong list in flight");
    assertThat(halts.get(0).actor()).startsWith("token:halt.api.operator/");
    assertThat(halts.get(0).after()).isEqualTo("already halted; kept: wrong list in flight");
    AuditEntry resumed = entries("delivery.resume", 1).get(0);
    assertThat(resumed.actor()).startsWith("token:halt.api.operator/");
    assertThat(resumed.before()).contains("wrong list in flight");
    assertThat(resumed.after()).isEqualTo("sending");
  }

  @Test
  void aBarePostOrAReadOnlyTokenShouldHaltNothing() throws Exception {
    User operator = fixtures.user("halt.api.bare", Role.OPERATOR);
    mvc.perform(
            post("/api/v1/delivery/halt")
                .header("Authorization", "Bearer " + fixtures.token(operator)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("halt-body-required"));
    mvc.perform(halt(fixtures.token(operator, Scope.CAMPAIGNS_READ), "{\"reason\":\"x\"}"))
        .andExpect(status().isForbidden());
    mvc.perform(halt(fixtures.token(operator), "not json")).andExpect(status().isBadRequest());
    assertThat(delivery.halt()).isEmpty();
  }

  @Test
  void everyConsolePageShouldOfferTheStopAndShowTheBannerWhileHalted() throws Exception {
    MockHttpSession approver = fixtures.session(fixtures.user("halt.ui.approver", Role.APPROVER));
    MockHttpSession operator = fixtures.session(fixtures.user("halt.ui.operator", Role.OPERATOR));
    MockHttpSession author = fixtures.session(fixtures.user("halt.ui.author", Role.AUTHOR));

    assertThat(page("/", approver))
        .contains("action=\"/delivery/halt\"")
        .doesNotContain("halt-banner");
    assertThat(page("/audiences", author)).doesNotContain("action=\"/delivery/halt\"");

    // Without the confirmation box nothing happens.
    mvc.perform(
            post("/delivery/halt")
                .session(approver)
                .with(csrf())
                .locale(Locale.ENGLISH)
                .param("reason", "typo in the subject"))
        .andExpect(status().isBadRequest());
    assertThat(delivery.halt()).isEmpty();

    mvc.perform(
            post("/delivery/halt")
                .session(approver)
                .with(csrf())
                .param("reason", "typo in the subject")
                .param("confirm", "true"))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/delivery/halt"));
    assertThat(delivery.halt())
        .hasValueSatisfying(h -> assertThat(h.by()).isEqualTo("user:halt.ui.approver"));

    assertThat(page("/audiences", author))
        .contains("halt-banner")
        .contains("Sending is halted since")
        .contains("by user:halt.ui.approver: typo in the subject")
        .doesNotContain("action=\"/delivery/resume\"");
    assertThat(page("/campaigns", operator))
        .contains("halt-banner")
        .contains("action=\"/delivery/resume\"")
        .doesNotContain("<details class=\"estop\"");
    assertThat(page("/delivery/halt", approver)).contains("data-halted=\"true\"");

    // The resume is a sending action: only from the network allowed to send.
    rules.add(IpScope.SEND, "192.0.2.0/24", "office", true, null, null);
    mvc.perform(from(post("/delivery/resume").session(operator).with(csrf()), "198.51.100.7"))
        .andExpect(status().isForbidden());
    assertThat(delivery.halt()).isPresent();
    mvc.perform(from(post("/delivery/resume").session(operator).with(csrf()), "192.0.2.7"))
        .andExpect(status().is3xxRedirection());
    assertThat(delivery.halt()).isEmpty();
    assertThat(page("/campaigns", operator)).doesNotContain("halt-banner");

    AuditEntry halted = entries("delivery.halt", 1).get(0);
    assertThat(halted.actor()).isEqualTo("user:halt.ui.approver");
    assertThat(halted.after()).isEqualTo("halted: typo in the subject");
    AuditEntry resumed = entries("delivery.resume", 1).get(0);
    assertThat(resumed.actor()).isEqualTo("user:halt.ui.operator");
    assertThat(resumed.sourceIp()).isEqualTo("192.0.2.7");
  }

  @Test
  void theBannerShouldSpeakJapaneseToo() throws Exception {
    MockHttpSession author = fixtures.session(fixtures.user("halt.ui.ja", Role.AUTHOR));
    delivery.haltAll("");
    String html =
        mvc.perform(get("/").session(author).locale(Locale.JAPANESE))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(html).contains("から送信を停止しています").contains("（理由の記入なし）");
  }

  @Test
  void aStopSetByHandInTheDatabaseShouldHaltAndShowToo() throws Exception {
    // docs/operations.md, "Recovery": the last resort when no console or API can be reached.
    jdbc.sql("UPDATE delivery_halt SET halted = TRUE, reason = 'console down' WHERE id = 1")
        .update();
    assertThat(delivery.halt())
        .hasValueSatisfying(h -> {
          assertThat(h.by()).isEqualTo("database");
          assertThat(h.reason()).isEqualTo("console down");
        });
    MockHttpSession author = fixtures.session(fixtures.user("halt.sql.author", Role.AUTHOR));
    assertThat(page("/", author)).contains("by database: console down");
  }

  private String page(String path, MockHttpSession session) throws Exception {
    return mvc.perform(get(path).session(session).locale(Locale.ENGLISH))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private List<AuditEntry> entries(String action, int n) {
    return audit.find(new AuditQuery(null, null, null, action, null, null, n));
  }

  private static MockHttpServletRequestBuilder halt(String token, String body) {
    return post("/api/v1/delivery/halt")
        .header("Authorization", "Bearer " + token)
        .contentType(MediaType.APPLICATION_JSON)
        .content(body);
  }

  private static MockHttpServletRequestBuilder resume(String token) {
    return post("/api/v1/delivery/resume").header("Authorization", "Bearer " + token);
  }

  private static MockHttpServletRequestBuilder from(
      MockHttpServletRequestBuilder request, String address) {
    return request.with(r -> {
      r.setRemoteAddr(address);
      return r;
    });
  }
}
