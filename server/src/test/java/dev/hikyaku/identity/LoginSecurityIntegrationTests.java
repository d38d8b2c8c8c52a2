package dev.hikyaku.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditRepository;
import dev.hikyaku.identity.security.SignInSteps;
import dev.hikyaku.identity.settings.SettingsService;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import dev.hikyaku.test.MutableClock;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@HikyakuTest
class LoginSecurityIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired MutableClock clock;
  @Autowired AuditRepository audit;
  @Autowired SettingsService settings;
  @Autowired SignInSteps steps;

  @AfterEach
  void mfaOptionalAgain() {
    settings.update(new SettingsService.Settings(false));
  }

  @Test
  void fiveWrongPasswordsShouldLockTheAccountWithAClearMessageAndAnAuditEntry() throws Exception {
    User user = fixtures.user("lock.me", Role.AUTHOR);
    for (int i = 0; i < 4; i++) {
      login("lock.me", "wrong password!").andExpect(redirectedUrl("/login?error"));
    }
    assertThat(fixtures.reload(user).failedLogins()).isEqualTo(4);
    assertThat(fixtures.reload(user).lockedUntil()).isNull();
    MockHttpSession session = new MockHttpSession();
    login(session, "lock.me", "wrong password!").andExpect(redirectedUrl("/login?error"));
    String page = loginPage(session, Locale.ENGLISH);
    assertThat(page).contains("This account is locked after too many failed attempts until");

    // The right password is refused while locked, and the message says why.
    MockHttpSession again = new MockHttpSession();
    login(again, "lock.me", Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error"));
    assertThat(loginPage(again, Locale.JAPANESE)).contains("ロックされています");

    assertThat(audit.find(new AuditQuery(null, null, "lock.me", "login.lockout", null, null, 10)))
        .hasSize(1)
        .first()
        .satisfies(e -> assertThat(e.outcome()).isEqualTo("denied"));
    assertThat(audit.find(new AuditQuery(null, null, "lock.me", "login.failure", null, null, 10)))
        .hasSize(4);

    clock.advance(Duration.ofMinutes(16));
    login("lock.me", Fixtures.PASSWORD).andExpect(redirectedUrl("/"));
    assertThat(fixtures.reload(user).failedLogins()).isZero();
  }

  @Test
  void wrongSecondFactorCodesShouldCountTowardsTheLockout() throws Exception {
    User user = fixtures.user("totp.guess", Role.APPROVER);
    fixtures.enrolTotp(user);
    MockHttpSession session = new MockHttpSession();
    login(session, "totp.guess", Fixtures.PASSWORD).andExpect(redirectedUrl("/login/mfa"));
    for (int i = 0; i < 4; i++) {
      mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "000000"))
          .andExpect(status().isOk());
    }
    mvc.perform(post("/login/mfa").session(session).with(csrf()).param("code", "000000"))
        .andExpect(redirectedUrl("/login?error"));
    assertThat(fixtures.reload(user).lockedUntil()).isAfter(clock.instant());
  }

  @Test
  void recoveryCodeShouldWorkOnceInPlaceOfTotp() throws Exception {
    // Enrol through the console to get real recovery codes.
    User user = fixtures.user("recover.me", Role.AUTHOR);
    MockHttpSession session = fixtures.session(user);
    String page =
        mvc.perform(get("/mfa/enrol").session(session))
            .andReturn()
            .getResponse()
            .getContentAsString();
    var m = java.util.regex.Pattern.compile("id=\"totp-secret\">([A-Z2-7 ]+)<").matcher(page);
    assertThat(m.find()).isTrue();
    byte[] secret = dev.hikyaku.identity.mfa.Base32.decode(m.group(1));
    String codes =
        mvc.perform(
                post("/mfa/enrol")
                    .session(session)
                    .with(csrf())
                    .param("code", fixtures.totp(secret)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    var c = java.util.regex.Pattern.compile("<li>([a-z2-9]{5}-[a-z2-9]{5})</li>").matcher(codes);
    assertThat(c.find()).isTrue();
    String recovery = c.group(1);

    MockHttpSession first = new MockHttpSession();
    login(first, "recover.me", Fixtures.PASSWORD).andExpect(redirectedUrl("/login/mfa"));
    mvc.perform(post("/login/mfa").session(first).with(csrf()).param("code", recovery))
        .andExpect(redirectedUrl("/"));
    MockHttpSession second = new MockHttpSession();
    login(second, "recover.me", Fixtures.PASSWORD).andExpect(redirectedUrl("/login/mfa"));
    mvc.perform(post("/login/mfa").session(second).with(csrf()).param("code", recovery))
        .andExpect(status().isOk());
  }

  @Test
  void adminsAndApproversShouldBeMadeToEnrolAndOthersWhenTheAdminSaysSo() throws Exception {
    fixtures.user("must.enrol", Role.APPROVER);
    login("must.enrol", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa/enrol"));
    fixtures.user("may.skip", Role.AUTHOR);
    login("may.skip", Fixtures.PASSWORD).andExpect(redirectedUrl("/"));

    settings.update(new SettingsService.Settings(true));
    login("may.skip", Fixtures.PASSWORD).andExpect(redirectedUrl("/mfa/enrol"));
  }

  @Test
  void disablingAPersonShouldEndTheirSessionsAndTokensAtOnce() throws Exception {
    User admin = fixtures.user("disabler", Role.ADMIN);
    User author = fixtures.user("leaver", Role.AUTHOR);
    MockHttpSession session = fixtures.session(author);
    String token = fixtures.token(author);
    mvc.perform(get("/").session(session)).andExpect(status().isOk());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());

    mvc.perform(
            patch("/api/v1/users/" + author.id())
                .header("Authorization", "Bearer " + fixtures.token(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\": false}"))
        .andExpect(status().isOk());

    mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login?ended"));
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    login("leaver", Fixtures.PASSWORD).andExpect(redirectedUrl("/login?error"));
  }

  @Test
  void parallelWrongCodesShouldStillLockAfterFive() throws Exception {
    User user = fixtures.user("race.guess", Role.APPROVER);
    fixtures.enrolTotp(user);
    var outcomes = parallel(20, () -> steps.secondFactor(user.id(), "000000"));
    assertThat(outcomes.stream().filter(o -> o instanceof SignInSteps.Outcome.Wrong).count())
        .isEqualTo(4);
    assertThat(outcomes.stream().filter(o -> o instanceof SignInSteps.Outcome.Locked).count())
        .isEqualTo(16);
  }

  @Test
  void oneTotpCodeShouldSignInOnceEvenWhenSentInParallel() throws Exception {
    User user = fixtures.user("race.replay", Role.APPROVER);
    byte[] secret = fixtures.enrolTotp(user);
    String code = fixtures.totp(secret);
    var outcomes = parallel(8, () -> steps.secondFactor(user.id(), code));
    assertThat(outcomes.stream().filter(o -> o instanceof SignInSteps.Outcome.SignedIn).count())
        .isEqualTo(1);
  }

  @Test
  void tokensShouldStopWorkingWhileTheirOwnerLacksRequiredMfa() throws Exception {
    User author = fixtures.user("token.nomfa", Role.AUTHOR);
    String token = fixtures.token(author);
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
    settings.update(new SettingsService.Settings(true));
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
    fixtures.enrolTotp(author);
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
  }

  @Test
  void unknownIdsInTheConsoleShouldBeNotFoundNotAServerError() throws Exception {
    User admin = fixtures.user("ids.admin", Role.ADMIN);
    mvc.perform(get("/admin/users/999999").session(fixtures.session(admin)))
        .andExpect(status().isNotFound());
    mvc.perform(post("/admin/users/999999/unlock").session(fixtures.session(admin)).with(csrf()))
        .andExpect(status().isNotFound());
  }

  private static <T> java.util.List<T> parallel(int n, java.util.concurrent.Callable<T> task)
      throws Exception {
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(n)) {
      var start = new java.util.concurrent.CountDownLatch(1);
      var futures = new java.util.ArrayList<java.util.concurrent.Future<T>>();
      for (int i = 0; i < n; i++) {
        futures.add(
            pool.submit(() -> {
              start.await();
              return task.call();
            }));
      }
      start.countDown();
      var results = new java.util.ArrayList<T>();
      for (var f : futures) {
        results.add(f.get());
      }
      return results;
    }
  }

  @Test
  void unknownUsersShouldFailLikeWrongPasswordsAndBeLogged() throws Exception {
    MockHttpSession session = new MockHttpSession();
    login(session, "nobody.here", "whatever password").andExpect(redirectedUrl("/login?error"));
    assertThat(loginPage(session, Locale.ENGLISH)).contains("Wrong username or password.");
    assertThat(
            audit.find(
                new AuditQuery(
                    null, null, "anonymous:nobody.here", "login.failure", null, null, 5)))
        .hasSize(1);
  }

  private ResultActions login(String username, String password) throws Exception {
    return login(new MockHttpSession(), username, password);
  }

  private ResultActions login(MockHttpSession session, String username, String password)
      throws Exception {
    return mvc.perform(
        post("/login")
            .session(session)
            .with(csrf())
            .param("username", username)
            .param("password", password));
  }

  private String loginPage(MockHttpSession session, Locale locale) throws Exception {
    return mvc.perform(
            get("/login")
                .session(session)
                .locale(locale)
                .header("Accept-Language", locale.getLanguage()))
        .andReturn()
        .getResponse()
        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
  }
}
