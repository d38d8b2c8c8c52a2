package dev.hikyaku.identity;

import static dev.hikyaku.identity.IpRulesIntegrationTests.from;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.network.IpRuleService;
import dev.hikyaku.test.HikyakuTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/** Behind a configured reverse proxy, the client is the rightmost address the proxy added. */
@HikyakuTest
@TestPropertySource(properties = "hikyaku.identity.trusted-proxies=127.0.0.1/32,::1/128")
class TrustedProxyIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired IpRuleService rules;

  @BeforeEach
  void officeOnly() {
    rules.add(IpScope.LOGIN, "192.0.2.0/24", "office", true, null, null);
  }

  @AfterEach
  void clear() {
    rules.clear(IpScope.LOGIN);
  }

  @Test
  void clientAddressFromTheProxyShouldDecide() throws Exception {
    mvc.perform(from(get("/login"), "127.0.0.1").header("X-Forwarded-For", "192.0.2.10"))
        .andExpect(status().isOk());
    mvc.perform(from(get("/login"), "127.0.0.1").header("X-Forwarded-For", "198.51.100.7"))
        .andExpect(status().isForbidden());
  }

  @Test
  void addressesTheClientPutInFrontShouldNotCount() throws Exception {
    // The client sent "X-Forwarded-For: 192.0.2.10"; the proxy appended the real peer.
    mvc.perform(from(get("/login"), "::1").header("X-Forwarded-For", "192.0.2.10, 198.51.100.7"))
        .andExpect(status().isForbidden());
  }

  @Test
  void unreadableForwardedAddressesShouldFailClosedEvenWhenTheProxyIsAllowed() throws Exception {
    rules.add(IpScope.LOGIN, "127.0.0.0/8", "the proxy itself", true, null, null);
    mvc.perform(from(get("/login"), "127.0.0.1").header("X-Forwarded-For", "unknown"))
        .andExpect(status().isForbidden());
    mvc.perform(from(get("/login"), "127.0.0.1").header("X-Forwarded-For", "192.0.2.10:51234"))
        .andExpect(status().isOk());
    rules.add(IpScope.LOGIN, "2001:db8::/32", "office v6", true, null, null);
    mvc.perform(from(get("/login"), "127.0.0.1").header("X-Forwarded-For", "[2001:db8::7]:443"))
        .andExpect(status().isOk());
  }

  @Test
  void connectionsNotFromTheProxyShouldBeTakenAtTheirWord() throws Exception {
    mvc.perform(from(get("/login"), "198.51.100.7").header("X-Forwarded-For", "192.0.2.10"))
        .andExpect(status().isForbidden());
  }
}
