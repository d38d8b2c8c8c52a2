package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.platform.SqlTimes;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/** SQL for incident reports: the answers as typed and the report as redacted, never the uploads. */
@Repository
class IncidentRepository {

  /** The longest report stored, in characters of JSON (the column's size). */
  static final int MAX_REPORT = 1_000_000;

  private final JdbcClient jdbc;
  private final JsonMapper json;

  IncidentRepository(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  long insert(Answers answers, IncidentReport report, long authorId, String author, Instant at) {
    String reportJson = json.writeValueAsString(report);
    if (reportJson.length() > MAX_REPORT) {
      throw new IllegalStateException("the report is too large to store: " + reportJson.length());
    }
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO trouble_report (kind, summary, place, answers, report, author_id, author,"
                + " created_at) VALUES (:kind, :summary, :place, :answers, :report, :authorId,"
                + " :author, :at)")
        .param("kind", report.kind().name())
        .param("summary", cut(report.summary(), 500))
        .param("place", report.place().place().name())
        .param("answers", json.writeValueAsString(answers.byKey()))
        .param("report", reportJson)
        .param("authorId", authorId)
        .param("author", author)
        .param("at", SqlTimes.utc(at))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  Optional<StoredIncident> find(long id) {
    return jdbc.sql(
            "SELECT id, author_id, author, created_at, report FROM trouble_report WHERE id = :id")
        .param("id", id)
        .query((rs, n) ->
            new StoredIncident(
                rs.getLong("id"),
                rs.getLong("author_id"),
                rs.getString("author"),
                SqlTimes.instant(rs, "created_at"),
                json.readValue(rs.getString("report"), IncidentReport.class)))
        .optional();
  }

  /** The newest reports first, of one author or (with {@code authorId} empty) of everyone. */
  List<IncidentListItem> list(Optional<Long> authorId, int limit) {
    String where = authorId.isPresent() ? " WHERE author_id = :author" : "";
    var spec =
        jdbc.sql(
                "SELECT id, kind, summary, place, author, created_at FROM trouble_report"
                    + where
                    + " ORDER BY id DESC FETCH FIRST :limit ROWS ONLY")
            .param("limit", limit);
    if (authorId.isPresent()) {
      spec = spec.param("author", authorId.get());
    }
    return spec.query((rs, n) ->
            new IncidentListItem(
                rs.getLong("id"),
                TroubleKind.valueOf(rs.getString("kind")),
                rs.getString("summary"),
                TroublePlace.valueOf(rs.getString("place")),
                rs.getString("author"),
                SqlTimes.instant(rs, "created_at")))
        .list();
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }
}
