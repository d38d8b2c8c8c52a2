package dev.hikyaku.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.users.SetupLinks;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Switching language keeps the page: an invitation's token, the log's filters; never a password.
 */
@HikyakuTest
class LanguageLinksIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired SetupLinks links;

  @Test
  void invitationLinkShouldSurviveALanguageSwitch() throws Exception {
    var user = fixtures.user("lang.invited", Role.AUTHOR);
    String token = links.issueFor(user.id());
    String page = body(mvc.perform(get("/setup?token=" + token + "&lang=en")));
    assertThat(page).contains("href=\"/setup?token=" + token + "&amp;lang=ja\"");

    String afterError =
        body(
            mvc.perform(
                post("/setup")
                    .with(csrf())
                    .param("token", token)
                    .param("password", "too short")
                    .param("confirmation", "too short")));
    assertThat(afterError)
        .contains("/setup?token=" + token + "&amp;lang=ja")
        .doesNotContain("too short\"");
  }

  @Test
  void auditFiltersShouldSurviveALanguageSwitch() throws Exception {
    var auditor = fixtures.user("lang.auditor", Role.AUDITOR);
    String page =
        body(mvc.perform(get("/audit?action=login&lang=en").session(fixtures.session(auditor))));
    assertThat(page).contains("href=\"/audit?action=login&amp;lang=ja\"");
  }

  private static String body(org.springframework.test.web.servlet.ResultActions r)
      throws Exception {
    return r.andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
