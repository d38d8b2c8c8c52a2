package dev.hikyaku.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.audit.AuditQuery;
import dev.hikyaku.audit.AuditRepository;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import dev.hikyaku.test.MutableClock;
import java.time.Duration;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

@HikyakuTest
class ApiTokensIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired JdbcClient jdbc;
  @Autowired MutableClock clock;
  @Autowired AuditRepository audit;

  @Test
  void tokenShouldBeShownOnceAndStoredOnlyAsAHash() throws Exception {
    User admin = fixtures.user("tok.owner", Role.ADMIN);
    fixtures.enrolTotp(admin); // an admin's console session exists only after enrolment
    String page =
        mvc.perform(
                post("/account/tokens")
                    .session(fixtures.session(admin))
                    .with(csrf())
                    .param("name", "nightly export")
                    .param("scopes", "users:read")
                    .param("validDays", "30"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    var m =
        Pattern.compile("id=\"new-token\"[^>]*>(hky_[a-z0-9]{10}_[A-Za-z0-9_-]{43})<")
            .matcher(page);
    assertThat(m.find()).isTrue();
    String token = m.group(1);

    String listed =
        mvc.perform(get("/account/tokens").session(fixtures.session(admin)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(listed).contains("nightly export").doesNotContain(token);
    var stored =
        jdbc.sql("SELECT secret_hash, scopes FROM api_token WHERE user_id = :u")
            .param("u", admin.id())
            .query()
            .listOfRows();
    assertThat(stored).hasSize(1);
    assertThat(stored.getFirst().toString()).doesNotContain(token.substring(15));

    mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
  }

  @Test
  void scopesShouldLimitWhatATokenMayDoEvenForAnAdmin() throws Exception {
    User admin = fixtures.user("tok.scoped", Role.ADMIN);
    String readOnly = fixtures.token(admin, Scope.USERS_READ);
    mvc.perform(get("/api/v1/users").header("Authorization", "Bearer " + readOnly))
        .andExpect(status().isOk());
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + readOnly)
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"new.person\",\"displayName\":\"New\",\"roles\":[\"AUTHOR\"]}"))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.type").value("https://hikyaku.dev/problems/forbidden"));
    mvc.perform(
            post("/api/v1/tokens")
                .header("Authorization", "Bearer " + fixtures.token(admin, Scope.TOKENS_WRITE))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"escalate\",\"scopes\":[\"users:write\"]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("scope-not-held"));
  }

  @Test
  void expiredAndRevokedTokensShouldBeRefused() throws Exception {
    User user = fixtures.user("tok.expiry", Role.AUTHOR);
    String token = fixtures.token(user, Scope.TOKENS_READ, Scope.TOKENS_WRITE);
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.username").value("tok.expiry"))
        .andExpect(jsonPath("$.scopes", Matchers.hasItem("tokens:read")));

    clock.advance(Duration.ofDays(31));
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized())
        .andExpect(jsonPath("$.type").value("https://hikyaku.dev/problems/invalid-token"));

    String second = fixtures.token(user, Scope.TOKENS_WRITE);
    String publicId = second.substring(4, 14);
    mvc.perform(delete("/api/v1/tokens/" + publicId).header("Authorization", "Bearer " + second))
        .andExpect(status().isNoContent());
    mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + second))
        .andExpect(status().isUnauthorized());
    mvc.perform(
            get("/api/v1/me").header("Authorization", "Bearer hky_forged0000_" + "A".repeat(43)))
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
  }

  @Test
  void writesWithATokenShouldBeLogged() throws Exception {
    User admin = fixtures.user("tok.writer", Role.ADMIN);
    mvc.perform(
            post("/api/v1/users")
                .header("Authorization", "Bearer " + fixtures.token(admin))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    "{\"username\":\"api.made\",\"displayName\":\"API Made\",\"roles\":[\"AUDITOR\"]}"))
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.user.username").value("api.made"))
        .andExpect(jsonPath("$.setupUrl", Matchers.containsString("/setup?token=")));
    var created =
        audit.find(new AuditQuery(null, null, "token:tok.writer", "user.create", null, null, 5));
    assertThat(created).hasSize(1);
    assertThat(created.getFirst().target()).isEqualTo("user:api.made");
    var use =
        audit.find(new AuditQuery(null, null, "token:tok.writer", "token.use", null, null, 5));
    assertThat(use).isNotEmpty();
    assertThat(use.getFirst().target()).isEqualTo("POST /api/v1/users");
    assertThat(use.getFirst().after()).isEqualTo("status=201");
  }

  @Test
  void openApiDocumentShouldDescribeTheApi() throws Exception {
    mvc.perform(get("/api/v1/openapi.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.openapi", Matchers.startsWith("3.")))
        .andExpect(jsonPath("$.info.title").value("Hikyaku API"))
        .andExpect(jsonPath("$.paths['/api/v1/users']").exists())
        .andExpect(jsonPath("$.paths['/api/v1/audit/events']").exists())
        .andExpect(jsonPath("$.components.securitySchemes.token.scheme").value("bearer"));
  }
}
