package dev.hikyaku.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hikyaku.HikyakuApplication;
import dev.hikyaku.identity.users.UserService;
import dev.hikyaku.test.TestDatabase;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The production PostgreSQL setup of docs/operations.md, exactly as documented: Flyway runs as an
 * owner role, the application as a role that owns nothing. The application works, and it can
 * neither edit the operation log nor switch its triggers off. Runs in the PostgreSQL pass.
 */
class TwoRolePostgresIntegrationTests {

  @Test
  void applicationRoleShouldWorkButNeverEditOrUnprotectTheLog() throws Exception {
    assumeTrue(TestDatabase.postgresql(), "PostgreSQL pass only");
    String id = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    String owner = "hk_owner_" + id;
    String app = "hk_app_" + id;
    String db = "hikyaku_roles_" + id;
    String base = TestDatabase.PG_HOST;
    // docs/operations.md, "PostgreSQL", first block.
    superuser(
        base + "postgres",
        "CREATE ROLE " + owner + " LOGIN",
        "CREATE ROLE " + app + " LOGIN",
        "CREATE DATABASE " + db + " OWNER " + owner);
    superuser(
        base + db,
        "GRANT USAGE ON SCHEMA public TO " + app,
        "ALTER DEFAULT PRIVILEGES FOR ROLE "
            + owner
            + " IN SCHEMA public"
            + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO "
            + app,
        "ALTER DEFAULT PRIVILEGES FOR ROLE "
            + owner
            + " IN SCHEMA public"
            + " GRANT USAGE, SELECT ON SEQUENCES TO "
            + app);
    try {
      try (var context =
          new SpringApplicationBuilder(HikyakuApplication.class)
              .web(WebApplicationType.NONE)
              // As arguments: they outrank application.yml (builder properties would not).
              .run(
                  "--spring.datasource.url=" + base + db,
                  "--spring.datasource.username=" + app,
                  "--spring.flyway.user=" + owner,
                  "--spring.flyway.password=",
                  "--hikyaku.platform.data-dir=" + Files.createTempDirectory("hikyaku-roles"))) {
        // docs/operations.md: after the first start.
        superuser(base + db, "REVOKE UPDATE, DELETE, TRUNCATE ON audit_event FROM " + app);

        var users = context.getBean(UserService.class);
        users.create(
            new UserService.NewUser("roles.check", "Roles Check", null, List.of("AUTHOR")));
        var verifier = context.getBean(AuditVerifier.class);
        assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);

        var jdbc = context.getBean(JdbcClient.class);
        assertThat(jdbc.sql("SELECT current_user").query(String.class).single()).isEqualTo(app);
        for (String sql :
            new String[] {
              "UPDATE audit_event SET actor = 'x'",
              "DELETE FROM audit_event",
              "TRUNCATE audit_event",
              "ALTER TABLE audit_event DISABLE TRIGGER ALL",
              "DROP TRIGGER audit_event_no_update_delete ON audit_event"
            }) {
          assertThatThrownBy(() -> jdbc.sql(sql).update()).as(sql).isNotNull();
        }
        assertThat(verifier.verify()).isInstanceOf(ChainVerification.Intact.class);
      }
    } finally {
      superuser(
          base + "postgres",
          "DROP DATABASE IF EXISTS " + db + " WITH (FORCE)",
          "DROP ROLE IF EXISTS " + app,
          "DROP ROLE IF EXISTS " + owner);
    }
  }

  private static void superuser(String url, String... statements) throws Exception {
    try (var c = DriverManager.getConnection(url, "postgres", "");
        var s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }
}
