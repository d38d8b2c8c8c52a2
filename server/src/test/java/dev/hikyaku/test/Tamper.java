package dev.hikyaku.test;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Edits the operation log behind the application's back, as an intruder with database superuser
 * rights would: on PostgreSQL through a superuser connection with triggers disabled for the session
 * ({@code session_replication_role = replica}); on H2 by dropping the append-only triggers for the
 * edit and putting them back.
 */
public final class Tamper {

  private Tamper() {}

  public static void run(DataSource dataSource, String... statements) {
    String url = ((HikariDataSource) dataSource).getJdbcUrl();
    try {
      if (url.startsWith("jdbc:postgresql:")) {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
            var s = c.createStatement()) {
          s.execute("SET session_replication_role = replica");
          for (String sql : statements) {
            s.execute(sql);
          }
        }
      } else {
        try (Connection c = dataSource.getConnection();
            var s = c.createStatement()) {
          s.execute("DROP TRIGGER audit_event_no_update");
          s.execute("DROP TRIGGER audit_event_no_delete");
          try {
            for (String sql : statements) {
              s.execute(sql);
            }
          } finally {
            s.execute(
                "CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event"
                    + " FOR EACH ROW CALL 'dev.hikyaku.audit.AppendOnlyTrigger'");
            s.execute(
                "CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event"
                    + " FOR EACH ROW CALL 'dev.hikyaku.audit.AppendOnlyTrigger'");
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("tampering failed", e);
    }
  }
}
