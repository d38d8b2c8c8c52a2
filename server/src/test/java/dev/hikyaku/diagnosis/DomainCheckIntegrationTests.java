package dev.hikyaku.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The domain check's console page and API against a domain served by the test zone: SPF passes, the
 * DKIM key is too short, DMARC only monitors, the sending address is on a blocklist, and the
 * STARTTLS probe goes to the MX host on loopback and nowhere else.
 */
@HikyakuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DomainCheckIntegrationTests {

  private static final String DOMAIN = "diag-check.example";

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired InMemoryZone zone;

  private User operator;

  @BeforeAll
  void zone() {
    operator = fixtures.user(Fixtures.unique("dc.op"), Role.OPERATOR);
    zone.mx(DOMAIN, 10, "mx." + DOMAIN)
        .address("mx." + DOMAIN, "127.0.0.1")
        .txt(DOMAIN, "v=spf1 ip4:192.0.2.25 -all")
        // dkimpy's 1024-bit test key, from the shared conformance data.
        .txt(
            "s2026._domainkey." + DOMAIN,
            new String(DiagnosisSamples.conformance("dkim/test.txt"), StandardCharsets.US_ASCII)
                .strip())
        .txt("_dmarc." + DOMAIN, "v=DMARC1; p=none; rua=mailto:dmarc@" + DOMAIN)
        .ptr("192.0.2.25", "out." + DOMAIN)
        .address("out." + DOMAIN, "192.0.2.25")
        .address("25.2.0.192.bl.diag-test.example", "127.0.0.2");
  }

  @Test
  void theConsoleShouldShowEachItemWithItsStatusAndFixInBothLanguages() throws Exception {
    String page = check("en", DOMAIN, "s2026", "192.0.2.25", "bl.diag-test.example");

    assertThat(page)
        .contains("data-code=\"spf.record\" data-status=\"PASS\"")
        .contains("data-code=\"dkim.key\" data-status=\"WARN\"")
        .contains("data-code=\"dnsbl\" data-status=\"FAIL\"")
        .contains("data-code=\"ptr\" data-status=\"PASS\"")
        .containsPattern("data-code=\"dmarc\\.[a-z]+\" data-status=\"WARN\"")
        .contains("DNS blocklist")
        .doesNotContain("data-code=\"tls.starttls\"")
        .doesNotContain(" style=");
    assertThat(check("ja", DOMAIN, "s2026", "192.0.2.25", "bl.diag-test.example"))
        .contains("ドメインチェック")
        .contains("不合格")
        .contains("DNS ブロックリスト");
  }

  @Test
  void theApiShouldProbeStartTlsOnTheMxHostOnlyWhenAsked() throws Exception {
    String token = fixtures.token(operator);
    JsonNode report =
        JsonMapper.builder()
            .build()
            .readTree(
                mvc.perform(
                        post("/api/v1/diagnosis/domain")
                            .header("Authorization", "Bearer " + token)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(
                                "{\"domain\": \"DIAG-CHECK.example.\", \"selectors\": [\"s2026\"],"
                                    + " \"sendingAddresses\": [\"192.0.2.25\"]}"))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString(StandardCharsets.UTF_8));

    assertThat(report.get("domain").asString()).isEqualTo(DOMAIN);
    assertThat(report.get("items").findValuesAsString("code"))
        .contains("mx.host", "spf.record", "dkim.key", "tls.starttls", "bulk.spf")
        .doesNotContain("dnsbl");
    JsonNode tls = null;
    for (JsonNode item : report.get("items")) {
      if (item.get("code").asString().equals("tls.starttls")) {
        tls = item;
      }
    }
    assertThat(tls).isNotNull();
    assertThat(tls.get("detail").asString()).contains("mx." + DOMAIN + " [127.0.0.1]");
  }

  @Test
  void badInputShouldBeAClearErrorWithWhatWasTypedKept() throws Exception {
    String page = check("en", DOMAIN, "s2026", "999.1.1.1", "");
    assertThat(page)
        .contains("“999.1.1.1” is not an IP address.")
        .contains("value=\"999.1.1.1\"")
        .contains("value=\"" + DOMAIN + "\"");
    mvc.perform(
            post("/diagnosis/domain")
                .param("domain", "not a domain")
                .with(csrf())
                .session(fixtures.session(operator)))
        .andExpect(status().isBadRequest());
    String token = fixtures.token(operator);
    mvc.perform(post("/api/v1/diagnosis/domain").header("Authorization", "Bearer " + token))
        .andExpect(status().isBadRequest());
    String problem =
        mvc.perform(
                post("/api/v1/diagnosis/domain")
                    .header("Authorization", "Bearer " + token)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(
                        "{\"domain\": \"" + DOMAIN + "\", \"selectors\": [\"bad selector!\"]}"))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(problem).contains("\"code\":\"diagnosis.selector\"");
  }

  private String check(String language, String domain, String selectors, String ips, String dnsbl)
      throws Exception {
    return mvc.perform(
            post("/diagnosis/domain")
                .param("domain", domain)
                .param("selectors", selectors)
                .param("ips", ips)
                .param("dnsbl", dnsbl)
                .header("Accept-Language", language)
                .with(csrf())
                .session(fixtures.session(operator)))
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }
}
