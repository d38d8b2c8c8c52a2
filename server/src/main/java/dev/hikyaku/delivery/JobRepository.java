package dev.hikyaku.delivery;

import dev.hikyaku.platform.SqlTimes;
import dev.hikyaku.platform.Tokens;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for send jobs and their expansion into the queue. */
@Repository
class JobRepository {

  private static final String JOB =
      "SELECT id, source_kind, source_id, state, expansion_done, created_by, created_at,"
          + " not_before, finished_at FROM send_job";

  private final JdbcClient jdbc;
  private final NamedParameterJdbcTemplate batch;

  JobRepository(JdbcClient jdbc, NamedParameterJdbcTemplate batch) {
    this.jdbc = jdbc;
    this.batch = batch;
  }

  long insert(String kind, long sourceId, String by, Instant now, Instant notBefore) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO send_job (source_kind, source_id, state, created_by, created_at,"
                + " updated_at, not_before) VALUES (:k, :s, 'RUNNING', :by, :at, :at, :nb)")
        .param("k", kind)
        .param("s", sourceId)
        .param("by", by)
        .param("at", SqlTimes.utc(now))
        .param("nb", SqlTimes.utc(notBefore))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  Optional<SendJob> find(long id) {
    return jdbc.sql(JOB + " WHERE id = :id").param("id", id).query(JobRepository::job).optional();
  }

  /** The latest job of a source. */
  Optional<SendJob> latest(String kind, long sourceId) {
    return jdbc.sql(
            JOB
                + " WHERE source_kind = :k AND source_id = :s ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .param("k", kind)
        .param("s", sourceId)
        .query(JobRepository::job)
        .optional();
  }

  /** Jobs still expanding whose cancel window is over at {@code now}, oldest first. */
  List<SendJob> expanding(Instant now) {
    return jdbc.sql(
            JOB
                + " WHERE expansion_done = FALSE AND state IN ('RUNNING', 'PAUSED')"
                + " AND not_before <= :now ORDER BY id")
        .param("now", SqlTimes.utc(now))
        .query(JobRepository::job)
        .list();
  }

  /**
   * Locks the job row for one expansion step; returns its cursor, or empty when the job is done,
   * gone, or the emergency stop is pulled (read here too, so no node acts on an old view of it).
   */
  Optional<Long> lockCursor(long jobId) {
    return jdbc.sql(
            "SELECT expanded_through FROM send_job WHERE id = :id AND expansion_done = FALSE"
                + " AND state IN ('RUNNING', 'PAUSED')"
                + " AND NOT EXISTS (SELECT 1 FROM delivery_halt WHERE halted = TRUE) FOR UPDATE")
        .param("id", jobId)
        .query(Long.class)
        .optional();
  }

  /**
   * Adds one batch of recipients to the queue and moves the cursor, in the caller's transaction.
   */
  void enqueue(long jobId, List<Recipient> recipients, String[] fieldsJson, Instant now) {
    MapSqlParameterSource[] rows = new MapSqlParameterSource[recipients.size()];
    for (int i = 0; i < rows.length; i++) {
      Recipient r = recipients.get(i);
      String domain = r.address().substring(r.address().lastIndexOf('@') + 1);
      rows[i] =
          new MapSqlParameterSource()
              .addValue("job", jobId)
              .addValue("key", r.key())
              .addValue("rcpt", r.address())
              .addValue("domain", domain.toLowerCase(Locale.ROOT))
              .addValue("token", Tokens.randomLowerAlphanumeric(26))
              .addValue("fields", fieldsJson[i])
              .addValue("at", SqlTimes.utc(now));
    }
    batch.batchUpdate(
        "INSERT INTO delivery (job_id, cursor_key, recipient, recipient_domain, token, fields,"
            + " state, next_attempt_at, queued_at) VALUES (:job, :key, :rcpt, :domain, :token,"
            + " :fields, 'QUEUED', :at, :at)",
        rows);
    jdbc.sql("UPDATE send_job SET expanded_through = :c, updated_at = :at WHERE id = :id")
        .param("c", recipients.get(recipients.size() - 1).key())
        .param("at", SqlTimes.utc(now))
        .param("id", jobId)
        .update();
  }

  void expansionDone(long jobId, Instant now) {
    jdbc.sql("UPDATE send_job SET expansion_done = TRUE, updated_at = :at WHERE id = :id")
        .param("at", SqlTimes.utc(now))
        .param("id", jobId)
        .update();
  }

  /** Moves a job between states; false when it was not in {@code from}. */
  boolean transition(long jobId, SendJob.State from, SendJob.State to, Instant now) {
    return jdbc.sql(
                "UPDATE send_job SET state = :to, updated_at = :at,"
                    + " finished_at = CASE WHEN :done THEN :at ELSE finished_at END"
                    + " WHERE id = :id AND state = :from")
            .param("to", to.name())
            .param("at", SqlTimes.utc(now))
            .param("done", to == SendJob.State.CANCELLED || to == SendJob.State.COMPLETED)
            .param("id", jobId)
            .param("from", from.name())
            .update()
        == 1;
  }

  /** Marks running jobs with nothing left to send completed; returns them. */
  List<Long> completeFinished(Instant now) {
    List<Long> done =
        jdbc.sql(
                "SELECT j.id FROM send_job j WHERE j.state = 'RUNNING' AND j.expansion_done = TRUE"
                    + " AND NOT EXISTS (SELECT 1 FROM delivery d WHERE d.job_id = j.id"
                    + " AND d.state IN ('QUEUED', 'SENDING', 'DEFERRED'))")
            .query(Long.class)
            .list();
    done.forEach(id -> transition(id, SendJob.State.RUNNING, SendJob.State.COMPLETED, now));
    return done;
  }

  /** Per state, how many of the job's messages are in it. */
  Map<DeliveryState, Long> counts(long jobId) {
    Map<DeliveryState, Long> counts = new EnumMap<>(DeliveryState.class);
    for (DeliveryState s : DeliveryState.values()) {
      counts.put(s, 0L);
    }
    jdbc.sql("SELECT state, COUNT(*) AS n FROM delivery WHERE job_id = :j GROUP BY state")
        .param("j", jobId)
        .query(
            (rs, row) -> counts.put(DeliveryState.valueOf(rs.getString("state")), rs.getLong("n")))
        .list();
    return counts;
  }

  /** Messages of the job finished since {@code since}, for the rate. */
  long finishedSince(long jobId, Instant since) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE job_id = :j AND finished_at >= :since")
        .param("j", jobId)
        .param("since", SqlTimes.utc(since))
        .query(Long.class)
        .single();
  }

  /** Cancels what is not yet sent; returns how many. */
  int cancelPending(long jobId, Instant now) {
    return jdbc.sql(
            "UPDATE delivery SET state = 'CANCELLED', finished_at = :at"
                + " WHERE job_id = :j AND state IN ('QUEUED', 'DEFERRED')")
        .param("at", SqlTimes.utc(now))
        .param("j", jobId)
        .update();
  }

  private static SendJob job(ResultSet rs, int row) throws SQLException {
    return new SendJob(
        rs.getLong("id"),
        rs.getString("source_kind"),
        rs.getLong("source_id"),
        SendJob.State.valueOf(rs.getString("state")),
        rs.getBoolean("expansion_done"),
        rs.getString("created_by"),
        SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "not_before"),
        Optional.ofNullable(SqlTimes.instant(rs, "finished_at")));
  }
}
