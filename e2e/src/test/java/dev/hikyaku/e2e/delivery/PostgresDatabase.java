package dev.hikyaku.e2e.delivery;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A fresh database on the machine's PostgreSQL (127.0.0.1:5432, trust auth), dropped at close. */
final class PostgresDatabase implements AutoCloseable {

  private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

  private final String name;

  PostgresDatabase() {
    name = "hikyaku_e2e_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    execute("CREATE DATABASE " + name);
  }

  String url() {
    return SERVER + name;
  }

  String user() {
    return "postgres";
  }

  @Override
  public void close() {
    execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
  }

  private static void execute(String sql) {
    try (var c = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
        var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(
          "PostgreSQL at 127.0.0.1:5432 is needed: " + e.getMessage(), e);
    }
  }
}
