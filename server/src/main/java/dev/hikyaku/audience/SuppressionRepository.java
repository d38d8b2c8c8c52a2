package dev.hikyaku.audience;

import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the suppression list. */
@Repository
class SuppressionRepository {

  private static final String SELECT =
      "SELECT id, email, reason, detail, created_by, created_at FROM suppression";

  private final JdbcClient jdbc;

  SuppressionRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Adds the address unless it is suppressed already; true if it was added. */
  boolean insert(String email, Suppression.Reason reason, String detail, String by, Instant now) {
    if (find(email).isPresent()) {
      return false;
    }
    try {
      jdbc.sql(
              "INSERT INTO suppression (email_key, email, reason, detail, created_by, created_at)"
                  + " VALUES (:k, :e, :r, :d, :by, :at)")
          .param("k", AudienceRepository.key(email))
          .param("e", email)
          .param("r", reason.name())
          .param("d", detail.length() > 1000 ? detail.substring(0, 1000) : detail)
          .param("by", by)
          .param("at", now.atOffset(ZoneOffset.UTC))
          .update();
      return true;
    } catch (DuplicateKeyException raced) {
      return false; // another node suppressed it first: the address is suppressed either way
    }
  }

  Optional<Suppression> find(String email) {
    return jdbc.sql(SELECT + " WHERE email_key = :k")
        .param("k", AudienceRepository.key(email))
        .query(SuppressionRepository::suppression)
        .optional();
  }

  boolean delete(String email) {
    return jdbc.sql("DELETE FROM suppression WHERE email_key = :k")
            .param("k", AudienceRepository.key(email))
            .update()
        > 0;
  }

  List<Suppression> page(long afterId, int limit, String search) {
    boolean filter = search != null && !search.isBlank();
    return jdbc.sql(
            SELECT
                + " WHERE id > :after"
                + (filter ? " AND email_key LIKE :q" : "")
                + " ORDER BY id FETCH FIRST :lim ROWS ONLY")
        .param("after", afterId)
        .param("lim", limit)
        .param(
            "q", filter ? "%" + AudienceRepository.key(search.strip()).replace("%", "") + "%" : "")
        .query(SuppressionRepository::suppression)
        .list();
  }

  long count() {
    return jdbc.sql("SELECT COUNT(*) FROM suppression").query(Long.class).single();
  }

  private static Suppression suppression(ResultSet rs, int row) throws SQLException {
    return new Suppression(
        rs.getLong("id"),
        rs.getString("email"),
        Suppression.Reason.valueOf(rs.getString("reason")),
        rs.getString("detail"),
        rs.getString("created_by"),
        SqlTimes.instant(rs, "created_at"));
  }
}
