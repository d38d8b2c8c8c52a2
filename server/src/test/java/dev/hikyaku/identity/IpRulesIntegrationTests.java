package dev.hikyaku.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditRepository;
import dev.hikyaku.identity.network.Cidr;
import dev.hikyaku.identity.network.IpRuleService;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@HikyakuTest
@Import(IpRulesIntegrationTests.SendProbe.class)
class IpRulesIntegrationTests {

  /** Stands in for the sending actions later modules add: start, schedule, approve. */
  @TestConfiguration
  @RestController
  static class SendProbe {
    @PostMapping("/api/v1/test/send-probe")
    @PreAuthorize("isAuthenticated()")
    @RequiresNetwork(IpScope.SEND)
    String send() {
      return "sent";
    }
  }

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired IpRuleService rules;
  @Autowired AuditRepository audit;

  @AfterEach
  void clear() {
    for (IpScope s : IpScope.values()) {
      rules.clear(s);
    }
  }

  @Test
  void consoleShouldBeRefusedOutsideTheAllowedIpv4AndIpv6NetworksNamingTheRule() throws Exception {
    allow(IpScope.LOGIN, "192.0.2.0/24", "office-v4");
    allow(IpScope.LOGIN, "2001:db8:10::/48", "office-v6");

    mvc.perform(from(get("/login"), "192.0.2.44")).andExpect(status().isOk());
    mvc.perform(from(get("/login"), "2001:db8:10:1::7")).andExpect(status().isOk());

    mvc.perform(from(get("/login"), "198.51.100.7"))
        .andExpect(status().isForbidden())
        .andExpect(content().string(Matchers.containsString("IP rule: Console login")))
        .andExpect(content().string(Matchers.containsString("198.51.100.7")))
        // Outsiders are not told the office's address ranges.
        .andExpect(content().string(Matchers.not(Matchers.containsString("192.0.2.0/24"))));
    mvc.perform(
            from(
                post("/login").with(csrf()).param("username", "x").param("password", "y"),
                "2001:db8:11::1"))
        .andExpect(status().isForbidden());

    var denied = audit.find(new AuditQuery(null, null, null, "network.denied", "denied", null, 10));
    assertThat(denied).isNotEmpty();
    assertThat(denied.getFirst().after())
        .contains("IP rule 'login'")
        .contains("2001:db8:11:0:0:0:0:1");
  }

  @Test
  void forwardedForShouldBeIgnoredWithoutATrustedProxy() throws Exception {
    allow(IpScope.LOGIN, "192.0.2.0/24", "office");
    mvc.perform(from(get("/login"), "198.51.100.7").header("X-Forwarded-For", "192.0.2.10"))
        .andExpect(status().isForbidden());
  }

  @Test
  void apiTokensShouldBeRefusedOutsideTheApiRuleWithProblemDetails() throws Exception {
    User admin = fixtures.user("ip.api", Role.ADMIN);
    String token = fixtures.token(admin);
    allow(IpScope.API, "203.0.113.0/24", "automation");
    mvc.perform(from(get("/api/v1/me"), "203.0.113.9").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    mvc.perform(from(get("/api/v1/me"), "198.51.100.7").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.rule").value("api"))
        .andExpect(jsonPath("$.detail", Matchers.containsString("198.51.100.7")))
        .andExpect(jsonPath("$.detail", Matchers.not(Matchers.containsString("203.0.113.0"))));
  }

  @Test
  void sendingActionsShouldFollowTheSendRuleWhileTheConsoleStaysOpen() throws Exception {
    User operator = fixtures.user("ip.send", Role.OPERATOR);
    allow(IpScope.SEND, "192.0.2.0/24", "office");
    var session = fixtures.session(operator);
    mvc.perform(from(get("/"), "198.51.100.7").session(session)).andExpect(status().isOk());
    mvc.perform(
            from(
                post("/api/v1/test/send-probe")
                    .header("Authorization", "Bearer " + fixtures.token(operator)),
                "192.0.2.1"))
        .andExpect(status().isOk());
    mvc.perform(
            from(
                post("/api/v1/test/send-probe")
                    .header("Authorization", "Bearer " + fixtures.token(operator)),
                "198.51.100.7"))
        .andExpect(status().isForbidden())
        .andExpect(jsonPath("$.rule").value("send"));
  }

  @Test
  void adminShouldNotLockThemselvesOutWithoutConfirming() throws Exception {
    User admin = fixtures.user("ip.admin", Role.ADMIN);
    var session = fixtures.session(admin);
    var add =
        post("/admin/ip-rules")
            .session(session)
            .with(csrf())
            .param("scope", "login")
            .param("cidr", "192.0.2.0/24")
            .param("label", "office");
    mvc.perform(from(add, "203.0.113.5"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("ip-rules clear --scope login")));
    assertThat(rules.of(IpScope.LOGIN)).isEmpty();

    mvc.perform(from(add.param("confirmLockout", "true"), "203.0.113.5"))
        .andExpect(status().is3xxRedirection());
    assertThat(rules.of(IpScope.LOGIN)).hasSize(1);
    // And indeed, from that address, the console is now closed.
    mvc.perform(from(get("/"), "203.0.113.5").session(session)).andExpect(status().isForbidden());
  }

  @Test
  void malformedNetworksShouldBeRefusedAndNothingSaved() throws Exception {
    User admin = fixtures.user("ip.typo", Role.ADMIN);
    for (String bad :
        new String[] {"192.0.2.0/33", "office.example.jp", "192.0.2.5/24", "10.0.0.0/8\r\nx"}) {
      mvc.perform(
              post("/admin/ip-rules")
                  .session(fixtures.session(admin))
                  .with(csrf())
                  .param("scope", "send")
                  .param("cidr", bad)
                  .param("label", "typo"))
          .andExpect(status().isBadRequest());
    }
    mvc.perform(
            post("/api/v1/ip-rules")
                .header("Authorization", "Bearer " + fixtures.token(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"send\",\"cidr\":\"300.1.1.1\",\"label\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.field").value("cidr"));
    mvc.perform(
            post("/api/v1/ip-rules")
                .header("Authorization", "Bearer " + fixtures.token(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"scope\":\"everywhere\",\"cidr\":\"192.0.2.0/24\",\"label\":\"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unknown-scope"));
    assertThat(rules.all()).isEmpty();
  }

  @Test
  void addingARuleShouldLogTheRulesBeforeAndAfter() {
    allow(IpScope.SEND, "192.0.2.0/24", "office");
    allow(IpScope.SEND, "198.51.100.0/24", "branch");
    var added = audit.find(new AuditQuery(null, null, null, "ip-rule.add", null, null, 2));
    assertThat(added.getFirst().before()).isEqualTo("office (192.0.2.0/24)");
    assertThat(added.getFirst().after())
        .isEqualTo("office (192.0.2.0/24), branch (198.51.100.0/24)");
    assertThat(added.get(1).before()).isEqualTo("no rules");
  }

  private void allow(IpScope scope, String cidr, String label) {
    rules.add(scope, cidr, label, true, null, null);
    assertThat(rules.of(scope)).anyMatch(r -> r.cidr().equals(Cidr.parse(cidr)));
  }

  static MockHttpServletRequestBuilder from(MockHttpServletRequestBuilder request, String address) {
    return request.with(r -> {
      r.setRemoteAddr(address);
      return r;
    });
  }
}
