package dev.hikyaku.audit;

import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** Reads the operation log: filtered pages for people, and an ordered stream for verification. */
@Repository
public class AuditRepository {

  private static final String COLUMNS =
      "seq, occurred_at, actor, source_ip, action, target, outcome, before_summary,"
          + " after_summary, prev_hash, hash";

  private final JdbcClient jdbc;

  AuditRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Newest first, at most {@code query.limit()} entries. */
  @Transactional(readOnly = true)
  public List<AuditEntry> find(AuditQuery query) {
    var where = Where.of(query);
    return jdbc.sql(
            "SELECT " + COLUMNS + " FROM audit_event" + where.sql + " ORDER BY seq DESC LIMIT :lim")
        .params(where.params)
        .param("lim", query.limit())
        .query(AuditRepository::map)
        .list();
  }

  /** Every matching entry, oldest first, handed to {@code sink} one at a time. */
  @Transactional(readOnly = true)
  public void forEach(AuditQuery query, Consumer<AuditEntry> sink) {
    var where = Where.of(query);
    try (Stream<AuditEntry> rows =
        jdbc
            .sql("SELECT " + COLUMNS + " FROM audit_event" + where.sql + " ORDER BY seq")
            .params(where.params)
            .withFetchSize(500)
            .query(AuditRepository::map)
            .stream()) {
      rows.forEach(sink);
    }
  }

  /** Where the head row says the chain ends. */
  @Transactional(readOnly = true)
  public ChainHead head() {
    return jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1")
        .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
        .single();
  }

  /** The last entry's sequence number and hash, as recorded in the head row. */
  public record ChainHead(long seq, String hash) {}

  static AuditEntry map(ResultSet rs, int row) throws SQLException {
    return new AuditEntry(
        rs.getLong("seq"),
        SqlTimes.instant(rs, "occurred_at"),
        rs.getString("actor"),
        rs.getString("source_ip"),
        rs.getString("action"),
        rs.getString("target"),
        rs.getString("outcome"),
        rs.getString("before_summary"),
        rs.getString("after_summary"),
        rs.getString("prev_hash"),
        rs.getString("hash"));
  }

  private record Where(String sql, java.util.Map<String, Object> params) {
    static Where of(AuditQuery q) {
      var clauses = new java.util.ArrayList<String>();
      var params = new java.util.HashMap<String, Object>();
      if (q.from() != null) {
        clauses.add("occurred_at >= :from");
        params.put("from", q.from().atStartOfDay().atOffset(ZoneOffset.UTC));
      }
      if (q.to() != null) {
        clauses.add("occurred_at < :to");
        params.put("to", q.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
      }
      if (q.actor() != null) {
        clauses.add("LOWER(actor) LIKE :actor ESCAPE '\\'");
        params.put("actor", "%" + escapeLike(q.actor().toLowerCase(java.util.Locale.ROOT)) + "%");
      }
      if (q.action() != null) {
        clauses.add("action LIKE :action ESCAPE '\\'");
        params.put("action", escapeLike(q.action()) + "%");
      }
      if (q.outcome() != null) {
        clauses.add("outcome = :outcome");
        params.put("outcome", q.outcome());
      }
      if (q.beforeSeq() != null) {
        clauses.add("seq < :beforeSeq");
        params.put("beforeSeq", q.beforeSeq());
      }
      return new Where(clauses.isEmpty() ? "" : " WHERE " + String.join(" AND ", clauses), params);
    }

    private static String escapeLike(String s) {
      return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
  }
}
