package dev.hikyaku.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import dev.hikyaku.identity.Role;
import dev.hikyaku.identity.security.Authentications;
import dev.hikyaku.identity.users.User;
import dev.hikyaku.test.Fixtures;
import dev.hikyaku.test.HikyakuTest;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every endpoint of the console and the API × anonymous and each role: allowed or refused exactly
 * as {@link AccessTable} says, with real sessions and real API tokens.
 */
@HikyakuTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RbacMatrixIntegrationTests {

  @Autowired MockMvc mvc;
  @Autowired Fixtures fixtures;

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  private final Map<Role, User> people = new EnumMap<>(Role.class);
  private final Map<Role, String> tokens = new EnumMap<>(Role.class);
  private User pending;
  private long target;

  @BeforeAll
  void people() {
    for (Role role : Role.values()) {
      User u = fixtures.user("rbac." + role.name().toLowerCase(java.util.Locale.ROOT), role);
      people.put(role, u);
      tokens.put(role, fixtures.token(u));
    }
    // A second admin, so that disabling the target never trips the last-admin rule.
    fixtures.user("rbac.admin2", Role.ADMIN);
    pending = fixtures.user("rbac.pending", Role.AUTHOR);
    target = fixtures.user("rbac.target", Role.AUTHOR).id();
  }

  @Test
  void everyMappedEndpointShouldHaveARowInTheAccessTable() {
    var mapped = new TreeSet<String>();
    mappings
        .getHandlerMethods()
        .keySet()
        .forEach(info -> {
          var methods = info.getMethodsCondition().getMethods();
          for (String pattern : info.getPatternValues()) {
            if (methods.isEmpty()) {
              mapped.add("* " + pattern);
            } else {
              methods.forEach(m -> mapped.add(m.name() + " " + pattern));
            }
          }
        });
    var table = new TreeSet<String>();
    AccessTable.ROWS.forEach(r -> table.add(r.method() + " " + r.pattern()));
    assertThat(table).as("rows in AccessTable for every controller method").isEqualTo(mapped);
  }

  @TestFactory
  Stream<DynamicTest> everyEndpointShouldAdmitExactlyTheRolesInTheTable() {
    List<DynamicTest> tests = new ArrayList<>();
    for (var row : AccessTable.ROWS) {
      tests.add(
          DynamicTest.dynamicTest(
              row.method() + " " + row.path() + " as anonymous",
              () -> check(row, Optional.empty())));
      for (Role role : Role.values()) {
        tests.add(
            DynamicTest.dynamicTest(
                row.method() + " " + row.path() + " as " + role,
                () -> check(row, Optional.of(role))));
      }
      if (!row.api()) {
        tests.add(
            DynamicTest.dynamicTest(
                row.method() + " " + row.path() + " half-way through sign-in",
                () -> checkPending(row)));
      }
    }
    return tests.stream();
  }

  private void check(AccessTable.Row row, Optional<Role> role) throws Exception {
    var req = request(method(row), row.path().replace("{target}", Long.toString(target)));
    if (row.api()) {
      role.ifPresent(r -> req.header("Authorization", "Bearer " + tokens.get(r)));
    } else {
      req.with(csrf());
      role.ifPresent(r -> req.session(fixtures.session(people.get(r))));
    }
    boolean expected =
        switch (row.access()) {
          case AccessTable.Access.Public p -> true;
          case AccessTable.Access.SignedIn s -> role.isPresent();
          case AccessTable.Access.SecondFactorPending p -> false;
          case AccessTable.Access.Roles r -> role.isPresent() && r.roles().contains(role.get());
        };
    assertAdmitted(
        mvc.perform(req).andReturn(),
        row,
        expected,
        " as " + role.map(Enum::name).orElse("anonymous"));
  }

  private void checkPending(AccessTable.Row row) throws Exception {
    MockHttpSession session = new MockHttpSession();
    session.setAttribute(
        HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
        new SecurityContextImpl(Authentications.passwordVerified(fixtures.reload(pending), false)));
    var req =
        request(method(row), row.path().replace("{target}", Long.toString(target)))
            .with(csrf())
            .session(session);
    boolean expected =
        row.access() instanceof AccessTable.Access.Public
            || row.access() instanceof AccessTable.Access.SecondFactorPending;
    assertAdmitted(mvc.perform(req).andReturn(), row, expected, " half-way through sign-in");
  }

  /**
   * Refused means 401, 403, or a redirect to sign in (or to finish it) from a page that is not
   * itself part of signing in.
   */
  private static void assertAdmitted(
      MvcResult result, AccessTable.Row row, boolean expected, String who) {
    int status = result.getResponse().getStatus();
    String location = result.getResponse().getRedirectedUrl();
    boolean toSignIn =
        location != null
            && (location.contains("/login") || location.contains("/mfa/enrol"))
            && !location.endsWith(row.path());
    boolean refused = status == 401 || status == 403 || toSignIn;
    assertThat(!refused)
        .as("%s%s: status %d, redirect %s", row, who, status, location)
        .isEqualTo(expected);
  }

  private static HttpMethod method(AccessTable.Row row) {
    return row.method().equals("*") ? HttpMethod.GET : HttpMethod.valueOf(row.method());
  }
}
