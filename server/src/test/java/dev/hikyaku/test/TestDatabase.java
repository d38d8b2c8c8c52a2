package dev.hikyaku.test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives each test application context a database of its own: an in-memory H2 database, or, when the
 * system property {@code hikyaku.test.database} is {@code postgresql}, a fresh database on the
 * PostgreSQL server at {@code 127.0.0.1:5432} (trust authentication), dropped when the JVM exits.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  /**
   * The role the application connects as on PostgreSQL: it owns the database (and so runs Flyway)
   * but is no superuser, like a production deployment's application user.
   */
  public static final String APP_ROLE = "hikyaku_test_app";

  public static final String PG_HOST =
      System.getProperty("hikyaku.test.pg", "jdbc:postgresql://127.0.0.1:5432/");

  public static boolean postgresql() {
    return "postgresql".equals(System.getProperty("hikyaku.test.database"));
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    String name = "hikyaku_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String url;
    String user;
    if (postgresql()) {
      createPostgresDatabase(name);
      url = PG_HOST + name;
      user = APP_ROLE;
    } else {
      url = "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000";
      user = "sa";
    }
    Path dataDir;
    try {
      dataDir = Files.createTempDirectory("hikyaku-test-data");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    context
        .getEnvironment()
        .getPropertySources()
        .addFirst(
            new MapPropertySource(
                "hikyaku-test-database",
                Map.of(
                    "spring.datasource.url",
                    url,
                    "spring.datasource.username",
                    user,
                    "spring.datasource.password",
                    "",
                    "hikyaku.platform.data-dir",
                    dataDir.toString(),
                    // Sending domains: this installation sends from a documentation address and
                    // receives bounces at a test host (the tests' DNS zone publishes both).
                    "hikyaku.domains.spf-mechanisms",
                    "ip4:192.0.2.10",
                    "hikyaku.domains.bounce-mx",
                    "mx.hikyaku.test")));
  }

  /** Creates {@code name} on the test server and drops it when the JVM exits. */
  public static void createPostgresDatabase(String name) {
    try (var c = DriverManager.getConnection(PG_HOST + "postgres", "postgres", "");
        var s = c.createStatement()) {
      // Two test JVMs may race to create the role; either way it exists afterwards.
      s.execute(
          "DO $$ BEGIN CREATE ROLE "
              + APP_ROLE
              + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE;"
              + " EXCEPTION WHEN duplicate_object THEN NULL; END $$");
      s.execute("CREATE DATABASE " + name + " OWNER " + APP_ROLE);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL is needed at " + PG_HOST + " for hikyaku.test.database=postgresql", e);
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> {
              try (var c = DriverManager.getConnection(PG_HOST + "postgres", "postgres", "");
                  var s = c.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
              } catch (SQLException ignored) {
                // Best effort: a leftover test database is harmless and named as such.
              }
            }));
  }
}
