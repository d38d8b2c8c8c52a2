package dev.hikyaku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import dev.hikyaku.test.Tamper;
import dev.hikyaku.test.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The CLI as an operator runs it: each command starts the application without a web server against
 * the configured database, and reports through its output and exit code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CliIntegrationTests {

  @TempDir static Path data;

  private HikariDataSource db;

  @BeforeAll
  void database() {
    String url;
    String user;
    if (TestDatabase.postgresql()) {
      String name = "hikyaku_cli_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
      TestDatabase.createPostgresDatabase(name);
      url = TestDatabase.PG_HOST + name;
      user = TestDatabase.APP_ROLE;
    } else {
      url = "jdbc:h2:file:" + data.resolve("cli") + ";AUTO_SERVER=TRUE";
      user = "sa";
    }
    System.setProperty("spring.datasource.url", url);
    System.setProperty("spring.datasource.username", user);
    System.setProperty("hikyaku.platform.data-dir", data.toString());
    db = new HikariDataSource();
    db.setJdbcUrl(url);
    db.setUsername(user);
  }

  @AfterAll
  void close() {
    db.close();
    System.clearProperty("spring.datasource.url");
    System.clearProperty("spring.datasource.username");
    System.clearProperty("hikyaku.platform.data-dir");
  }

  @Test
  @Order(1)
  void setupLinkShouldBePrintedWhileNoAccountExists() {
    CliRun run = cli("setup-link");
    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .containsPattern("http://127\\.0\\.0\\.1:8080/setup\\?token=[A-Za-z0-9_-]{32}");
    assertThat(Files.exists(data.resolve("master.key"))).isTrue();
  }

  @Test
  @Order(2)
  void ipRulesClearShouldRecoverALockedOutAdminAndBeLogged() {
    JdbcClient.create(db)
        .sql(
            "INSERT INTO ip_rule (scope, cidr, label, created_by, created_at)"
                + " VALUES ('LOGIN', '192.0.2.0/24', 'office', 'user:sato', CURRENT_TIMESTAMP)")
        .update();
    assertThat(cli("ip-rules", "list").out()).contains("192.0.2.0/24").contains("office");
    CliRun clear = cli("ip-rules", "clear", "--scope", "login");
    assertThat(clear.exit()).isZero();
    assertThat(clear.out()).contains("Removed 1 rule(s) from 'login'");
    assertThat(cli("ip-rules", "list").out()).contains("No IP rules");

    CliRun verify = cli("audit", "verify");
    assertThat(verify.exit()).isZero();
    assertThat(verify.out()).startsWith("OK: 1 entries, chain intact");
    assertThat(cli("audit", "export", "--format", "json").out())
        .contains("\"action\":\"ip-rule.clear\"")
        .contains("\"actor\":\"cli:" + System.getProperty("user.name"));
  }

  @Test
  @Order(3)
  void auditVerifyShouldFailAndNameTheEntryWhenARowWasEdited() {
    Tamper.run(db, "UPDATE audit_event SET after_summary = 'nothing happened' WHERE seq = 1");
    CliRun verify = cli("audit", "verify");
    assertThat(verify.exit()).isEqualTo(1);
    assertThat(verify.out())
        .contains("BROKEN at entry 1: entry 1 was changed after it was written");
    assertThat(cli("audit", "verify", "--json").out()).contains("\"intact\":false,\"brokenAt\":1");
  }

  @Test
  @Order(4)
  void mistakesShouldGiveAClearMessageAndANonZeroExit() {
    CliRun scope = cli("ip-rules", "clear", "--scope", "everywhere");
    assertThat(scope.exit()).isEqualTo(2);
    assertThat(scope.err()).contains("unknown scope: everywhere");
    CliRun user = cli("users", "reset-access", "nobody");
    assertThat(user.exit()).isEqualTo(1);
    assertThat(user.err()).contains("no such user: nobody");
    assertThat(cli("no-such-command").exit()).isNotZero();
  }

  @Test
  @Order(5)
  void usersEnableShouldBringBackADisabledAdminAndBeLogged() {
    JdbcClient.create(db)
        .sql(
            "INSERT INTO app_user (username, display_name, enabled, created_at, updated_at)"
                + " VALUES ('last.admin', 'Last Admin', FALSE, CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
        .update();
    CliRun enable = cli("users", "enable", "last.admin");
    assertThat(enable.exit()).isZero();
    assertThat(enable.out()).contains("Enabled last.admin.");
    assertThat(cli("users", "list").out()).containsPattern("last\\.admin\\s+enabled");
    assertThat(cli("audit", "export", "--format", "csv", "--action", "user.enable").out())
        .contains("\"user:last.admin\"");
  }

  private static CliRun cli(String... args) {
    return CliRun.of(args);
  }
}
