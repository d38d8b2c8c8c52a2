package dev.hikyaku.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.mfa.Base32;
import dev.hikyaku.identity.mfa.Totp;
import dev.hikyaku.identity.users.SetupLinks;
import dev.hikyaku.identity.users.UserRepository;
import dev.hikyaku.test.HikyakuTest;
import dev.hikyaku.test.MutableClock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.web.servlet.MockMvc;

@HikyakuTest
@DirtiesContext
@ExtendWith(OutputCaptureExtension.class)
class SetupAndLoginIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired SetupLinks links;
  @Autowired UserRepository users;
  @Autowired MutableClock clock;

  @Test
  void firstAdminShouldSetUpWithLinkThenEnrolTotpThenSignInWithBothFactors(CapturedOutput output)
      throws Exception {
    assertThat(users.any()).as("no account, hence no default password, before setup").isFalse();
    String token = links.issueBootstrap();

    mvc.perform(get("/setup").param("token", token))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"username\"")));

    MockHttpSession session = new MockHttpSession();
    mvc.perform(
            post("/setup")
                .session(session)
                .with(csrf())
                .param("token", token)
                .param("username", "sato.k")
                .param("displayName", "佐藤 健")
                .param("password", "a long enough passphrase")
                .param("confirmation", "a long enough passphrase"))
        .andExpect(redirectedUrl("/mfa/enrol"));

    // MFA is mandatory for an admin: nothing else is reachable until enrolled.
    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/mfa/enrol"));

    String page =
        mvc.perform(get("/mfa/enrol").session(session))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    var m = Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
    assertThat(m.find()).isTrue();
    byte[] secret = Base32.decode(m.group(1));
    assertThat(page).contains("<svg");

    String codes =
        mvc.perform(
                post("/mfa/enrol")
                    .session(session)
                    .with(csrf())
                    .param("code", Totp.standard().code(secret, clock.instant())))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(Pattern.compile("<li>[a-z2-9]{5}-[a-z2-9]{5}</li>").matcher(codes).results().count())
        .isEqualTo(10);
    mvc.perform(get("/").session(session)).andExpect(status().isOk());

    // The link works once.
    mvc.perform(get("/setup").param("token", token)).andExpect(status().isNotFound());

    // A fresh sign-in: password, then a TOTP code from a later step (the enrolment code is spent).
    clock.advance(Duration.ofSeconds(30));
    MockHttpSession second = new MockHttpSession();
    mvc.perform(
            post("/login")
                .session(second)
                .with(csrf())
                .param("username", "sato.k")
                .param("password", "a long enough passphrase"))
        .andExpect(redirectedUrl("/login/mfa"));
    mvc.perform(get("/").session(second)).andExpect(redirectedUrl("/login/mfa"));
    String code = Totp.standard().code(secret, clock.instant());
    mvc.perform(post("/login/mfa").session(second).with(csrf()).param("code", code))
        .andExpect(redirectedUrl("/"));
    mvc.perform(get("/").session(second)).andExpect(status().isOk());

    // Secrets never reach the logs.
    assertThat(output.getAll())
        .doesNotContain("a long enough passphrase")
        .doesNotContain(token)
        .doesNotContain(m.group(1).replace(" ", ""))
        .doesNotContain(code);
  }
}
