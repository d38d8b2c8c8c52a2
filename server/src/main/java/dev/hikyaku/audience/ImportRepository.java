package dev.hikyaku.audience;

import dev.hikyaku.audience.importing.ImportRow;
import dev.hikyaku.platform.SqlTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for CSV imports: the staged rows, the issues, and the final merge into the audience. */
@Repository
class ImportRepository {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** An import's row as stored. */
  record Stored(
      long id,
      long audienceId,
      String fileName,
      String status,
      String summary,
      String createdBy,
      Instant createdAt) {}

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  ImportRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  long insert(long audienceId, String fileName, String by, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO contact_import (audience_id, file_name, status, summary, created_by,"
                + " created_at) VALUES (:a, :f, 'CHECKING', '{}', :by, :at)")
        .param("a", audienceId)
        .param("f", fileName)
        .param("by", by)
        .param("at", SqlTimes.utc(now))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  void stage(long importId, List<ImportRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    MapSqlParameterSource[] params = new MapSqlParameterSource[rows.size()];
    for (int i = 0; i < params.length; i++) {
      ImportRow r = rows.get(i);
      params[i] =
          new MapSqlParameterSource()
              .addValue("i", importId)
              .addValue("line", r.line())
              .addValue("e", r.address().value())
              .addValue("k", AudienceRepository.key(r.address().value()))
              .addValue("n", cut(r.name(), 200))
              .addValue("c", cut(r.company(), 200))
              .addValue("a", Attributes.toJson(r.customFields()));
    }
    batch.batchUpdate(
        "INSERT INTO contact_import_row (import_id, line_no, email, email_key, name, company,"
            + " attributes) VALUES (:i, :line, :e, :k, :n, :c, :a)",
        params);
  }

  /** One issue to keep. */
  record IssueRow(
      long line,
      int seq,
      boolean rejected,
      String reason,
      List<String> args,
      String english,
      String raw) {}

  void issues(long importId, List<IssueRow> issues) {
    if (issues.isEmpty()) {
      return;
    }
    MapSqlParameterSource[] params = new MapSqlParameterSource[issues.size()];
    for (int i = 0; i < params.length; i++) {
      IssueRow r = issues.get(i);
      params[i] =
          new MapSqlParameterSource()
              .addValue("i", importId)
              .addValue("line", r.line())
              .addValue("seq", r.seq())
              .addValue("rej", r.rejected())
              .addValue("reason", cut(r.reason(), 64))
              .addValue("args", cut(JSON.writeValueAsString(r.args()), 1000))
              .addValue("en", cut(r.english(), 1000))
              .addValue("raw", cut(r.raw(), 300));
    }
    batch.batchUpdate(
        "INSERT INTO contact_import_issue (import_id, line_no, seq, rejected, reason, args,"
            + " english, raw) VALUES (:i, :line, :seq, :rej, :reason, :args, :en, :raw)",
        params);
  }

  /** Ends the check: the summary is stored and the import waits for confirmation. */
  void checked(long importId, String json) {
    jdbc.sql("UPDATE contact_import SET summary = :s, status = 'DRY_RUN' WHERE id = :id")
        .param("s", cut(json, 8000))
        .param("id", importId)
        .update();
  }

  Optional<Stored> find(long importId) {
    return jdbc.sql(
            "SELECT id, audience_id, file_name, status, summary, created_by, created_at"
                + " FROM contact_import WHERE id = :id")
        .param("id", importId)
        .query((rs, row) ->
            new Stored(
                rs.getLong("id"),
                rs.getLong("audience_id"),
                rs.getString("file_name"),
                rs.getString("status"),
                rs.getString("summary"),
                rs.getString("created_by"),
                SqlTimes.instant(rs, "created_at")))
        .optional();
  }

  /** Locks a dry run for confirmation or discarding; empty when it is not (or no longer) one. */
  Optional<Long> lockDryRun(long importId) {
    return jdbc.sql(
            "SELECT audience_id FROM contact_import WHERE id = :id AND status = 'DRY_RUN' FOR UPDATE")
        .param("id", importId)
        .query(Long.class)
        .optional();
  }

  List<ImportReport.Issue> issuePage(long importId, long afterLine, int limit) {
    return jdbc.sql(
            "SELECT line_no, rejected, reason, args, english, raw FROM contact_import_issue"
                + " WHERE import_id = :i AND line_no > :after ORDER BY line_no, seq"
                + " FETCH FIRST :lim ROWS ONLY")
        .param("i", importId)
        .param("after", afterLine)
        .param("lim", limit)
        .query((rs, row) ->
            new ImportReport.Issue(
                rs.getLong("line_no"),
                rs.getBoolean("rejected"),
                rs.getString("reason"),
                List.of(JSON.readValue(rs.getString("args"), String[].class)),
                rs.getString("english"),
                rs.getString("raw")))
        .list();
  }

  long issueCount(long importId) {
    return jdbc.sql("SELECT COUNT(*) FROM contact_import_issue WHERE import_id = :i")
        .param("i", importId)
        .query(Long.class)
        .single();
  }

  /** Staged addresses already in the audience. */
  long existing(long importId, long audienceId) {
    return jdbc.sql(
            "SELECT COUNT(*) FROM contact_import_row r WHERE r.import_id = :i AND EXISTS"
                + " (SELECT 1 FROM contact c WHERE c.audience_id = :a AND c.email_key = r.email_key)")
        .param("i", importId)
        .param("a", audienceId)
        .query(Long.class)
        .single();
  }

  /**
   * Merges the staged rows into the audience: existing addresses get the file's name, company and
   * fields; new ones are added. Contact ids of existing addresses stay, so a send running to the
   * audience never sees a contact twice. Returns {new, updated}.
   */
  long[] merge(long importId, long audienceId, Instant now) {
    int updated =
        jdbc.sql(
                "UPDATE contact SET"
                    + " email = (SELECT r.email FROM contact_import_row r WHERE r.import_id = :i AND r.email_key = contact.email_key),"
                    + " name = (SELECT r.name FROM contact_import_row r WHERE r.import_id = :i AND r.email_key = contact.email_key),"
                    + " company = (SELECT r.company FROM contact_import_row r WHERE r.import_id = :i AND r.email_key = contact.email_key),"
                    + " attributes = (SELECT r.attributes FROM contact_import_row r WHERE r.import_id = :i AND r.email_key = contact.email_key),"
                    + " updated_at = :at"
                    + " WHERE audience_id = :a AND email_key IN"
                    + " (SELECT email_key FROM contact_import_row WHERE import_id = :i)")
            .param("i", importId)
            .param("a", audienceId)
            .param("at", SqlTimes.utc(now))
            .update();
    int added =
        jdbc.sql(
                "INSERT INTO contact (audience_id, email, email_key, name, company, attributes,"
                    + " created_at, updated_at) SELECT :a, r.email, r.email_key, r.name, r.company,"
                    + " r.attributes, :at, :at FROM contact_import_row r WHERE r.import_id = :i"
                    + " AND NOT EXISTS (SELECT 1 FROM contact c WHERE c.audience_id = :a"
                    + " AND c.email_key = r.email_key) ORDER BY r.line_no")
            .param("i", importId)
            .param("a", audienceId)
            .param("at", SqlTimes.utc(now))
            .update();
    return new long[] {added, updated};
  }

  void finish(long importId, String status, Instant now) {
    jdbc.sql("DELETE FROM contact_import_row WHERE import_id = :i").param("i", importId).update();
    jdbc.sql("UPDATE contact_import SET status = :s, finished_at = :at WHERE id = :i")
        .param("s", status)
        .param("at", SqlTimes.utc(now))
        .param("i", importId)
        .update();
  }

  private static String cut(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
