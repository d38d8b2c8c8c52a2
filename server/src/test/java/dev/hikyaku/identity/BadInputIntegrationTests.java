package dev.hikyaku.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.hikyaku.identity.users.User;
import dev.hikyaku.identity.users.UserRepository;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Malformed input gets a clear error naming the field, and nothing is half-saved. */
@HikyakuTest
class BadInputIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;
  @Autowired UserRepository users;

  private User admin;
  private String token;

  @BeforeEach
  void admin() {
    admin =
        users.findByUsername("bad.admin").orElseGet(() -> fixtures.user("bad.admin", Role.ADMIN));
    token = fixtures.token(admin);
  }

  @Test
  void crlfInANameShouldBeRefusedAndNoAccountCreated() throws Exception {
    int before = users.findAll().size();
    create(
            "{\"username\":\"crlf.person\",\"displayName\":\"Sato\\r\\nBcc: all@example.com\",\"roles\":[\"AUTHOR\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("displayName"))
        .andExpect(jsonPath("$.code").value("control-character"));
    mvc.perform(
            post("/admin/users")
                .session(fixtures.session(admin))
                .with(csrf())
                .param("username", "crlf.person2")
                .param("displayName", "Line\nbreak")
                .param("roles", "AUTHOR"))
        .andExpect(status().isBadRequest())
        .andExpect(content().string(Matchers.containsString("Line breaks and control characters")));
    assertThat(users.findAll()).hasSize(before);
  }

  @Test
  void overlongAndMalformedNamesShouldBeRefused() throws Exception {
    create("{\"username\":\"" + "a".repeat(65) + "\",\"displayName\":\"X\",\"roles\":[\"AUTHOR\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("too-long"));
    create(
            "{\"username\":\"ok.name\",\"displayName\":\""
                + "名".repeat(129)
                + "\",\"roles\":[\"AUTHOR\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("too-long"));
    create("{\"username\":\"info\",\"displayName\":\"Shared inbox\",\"roles\":[\"AUTHOR\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("username-generic"));
    create(
            "{\"username\":\"mail.person\",\"displayName\":\"M\",\"email\":\"not-an-address\",\"roles\":[\"AUTHOR\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.field").value("email"));
    assertThat(users.findByUsername("ok.name")).isEmpty();
    assertThat(users.findByUsername("mail.person")).isEmpty();
  }

  @Test
  void unknownRoleShouldBeRefusedAndNothingChanged() throws Exception {
    create(
            "{\"username\":\"role.typo\",\"displayName\":\"R\",\"roles\":[\"AUTHOR\",\"SUPERUSER\"]}")
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("unknown-role"));
    assertThat(users.findByUsername("role.typo")).isEmpty();

    User author = fixtures.user("role.keep", Role.AUTHOR);
    mvc.perform(
            patch("/api/v1/users/" + author.id())
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"Renamed\",\"roles\":[\"GOD\"]}"))
        .andExpect(status().isBadRequest());
    User after = fixtures.reload(author);
    assertThat(after.displayName()).isEqualTo("Test role.keep");
    assertThat(after.roles()).containsExactly(Role.AUTHOR);
  }

  @Test
  void theLastAdminShouldNotBeDisabledOrDemotedAndNothingHalfSaved() throws Exception {
    // Make bad.admin the only enabled admin for this check.
    users.findAll().stream()
        .filter(u -> u.roles().contains(Role.ADMIN) && u.id() != admin.id())
        .forEach(u -> users.setEnabled(u.id(), false, java.time.Instant.now()));
    mvc.perform(
            patch("/api/v1/users/" + admin.id())
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"displayName\":\"Renamed first\",\"enabled\":false}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.code").value("last-admin"));
    assertThat(fixtures.reload(admin).displayName()).isEqualTo("Test bad.admin");
    assertThat(fixtures.reload(admin).enabled()).isTrue();
  }

  @Test
  void malformedJsonShouldBeAProblemDocument() throws Exception {
    create("{\"username\": ")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private org.springframework.test.web.servlet.ResultActions create(String json) throws Exception {
    return mvc.perform(
        post("/api/v1/users")
            .header("Authorization", "Bearer " + token)
            .contentType(MediaType.APPLICATION_JSON)
            .content(json));
  }
}
