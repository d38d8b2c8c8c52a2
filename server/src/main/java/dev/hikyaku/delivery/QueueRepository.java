package dev.hikyaku.delivery;

import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SQL for the per-recipient queue: claiming, outcomes, attempts. */
@Repository
class QueueRepository {

  /** A claimed message: enough to render and send it. */
  record Claimed(
      long id,
      long jobId,
      String sourceKind,
      long sourceId,
      String recipient,
      String domain,
      String token,
      String fields,
      int attempts,
      Instant queuedAt) {}

  private final JdbcClient jdbc;

  QueueRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Claims up to {@code limit} due messages of running jobs for this node: queued or deferred ones
   * whose time has come, and claimed ones whose node went silent; nothing while the emergency stop
   * is pulled. {@code FOR UPDATE SKIP LOCKED} lets several nodes claim at once without waiting for,
   * or taking, each other's rows.
   */
  @Transactional
  List<Claimed> claim(String node, Instant now, Instant claimUntil, int limit) {
    // Two index-ordered reads instead of one with OR: claims abandoned by a node that died first,
    // then due messages. Each stops after the batch (see the delivery_*_ix migrations).
    List<Long> ids = new java.util.ArrayList<>(claimable(ABANDONED, now, limit));
    if (ids.size() < limit) {
      ids.addAll(claimable(DUE, now, limit - ids.size()));
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    jdbc.sql(
            "UPDATE delivery SET state = 'SENDING', claimed_by = :node, claimed_until = :until,"
                + " attempts = attempts + 1 WHERE id IN (:ids)")
        .param("node", node)
        .param("until", SqlTimes.utc(claimUntil))
        .param("ids", ids)
        .update();
    return jdbc.sql(
            "SELECT d.id, d.job_id, j.source_kind, j.source_id, d.recipient, d.recipient_domain,"
                + " d.token, d.fields, d.attempts, d.queued_at FROM delivery d"
                + " JOIN send_job j ON j.id = d.job_id WHERE d.id IN (:ids) ORDER BY d.recipient_domain, d.id")
        .param("ids", ids)
        .query((rs, row) ->
            new Claimed(
                rs.getLong("id"),
                rs.getLong("job_id"),
                rs.getString("source_kind"),
                rs.getLong("source_id"),
                rs.getString("recipient"),
                rs.getString("recipient_domain"),
                rs.getString("token"),
                rs.getString("fields"),
                rs.getInt("attempts"),
                SqlTimes.instant(rs, "queued_at")))
        .list();
  }

  private static final String RUNNABLE =
      " AND job_id IN (SELECT id FROM send_job WHERE state = 'RUNNING')"
          + " AND NOT EXISTS (SELECT 1 FROM delivery_halt WHERE halted = TRUE)";

  /** Claims of a node that stopped before recording an outcome. */
  private static final String ABANDONED =
      "SELECT id FROM delivery WHERE state = 'SENDING' AND claimed_until < :now"
          + RUNNABLE
          + " ORDER BY claimed_until, id FETCH FIRST :lim ROWS ONLY FOR UPDATE SKIP LOCKED";

  /** Messages due now, oldest first. */
  private static final String DUE =
      "SELECT id FROM delivery WHERE state IN ('QUEUED', 'DEFERRED') AND next_attempt_at <= :now"
          + RUNNABLE
          + " ORDER BY next_attempt_at, id FETCH FIRST :lim ROWS ONLY FOR UPDATE SKIP LOCKED";

  private List<Long> claimable(String sql, Instant now, int limit) {
    return jdbc.sql(sql)
        .param("now", SqlTimes.utc(now))
        .param("lim", limit)
        .query(Long.class)
        .list();
  }

  /** Records a final state; only if this node still holds the claim. */
  boolean finish(
      long id, String node, DeliveryState state, Integer code, String reply, Instant now) {
    return jdbc.sql(
                "UPDATE delivery SET state = :s, last_code = :c, last_reply = :r, finished_at = :at,"
                    + " claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :node")
            .param("s", state.name())
            .param("c", code)
            .param("r", truncate(reply, 1000))
            .param("at", SqlTimes.utc(now))
            .param("id", id)
            .param("node", node)
            .update()
        == 1;
  }

  /** Puts a message back for a later attempt. */
  boolean defer(long id, String node, Integer code, String reply, Instant retryAt) {
    return jdbc.sql(
                "UPDATE delivery SET state = 'DEFERRED', last_code = :c, last_reply = :r,"
                    + " next_attempt_at = :at, claimed_by = NULL, claimed_until = NULL"
                    + " WHERE id = :id AND claimed_by = :node")
            .param("c", code)
            .param("r", truncate(reply, 1000))
            .param("at", SqlTimes.utc(retryAt))
            .param("id", id)
            .param("node", node)
            .update()
        == 1;
  }

  /**
   * Returns claimed messages to the queue for {@code at}, not counting the claim as an attempt (the
   * destination's shaping said "not now").
   */
  void requeue(List<Long> ids, String node, Instant at) {
    if (ids.isEmpty()) {
      return;
    }
    jdbc.sql(
            "UPDATE delivery SET state = CASE WHEN attempts > 1 THEN 'DEFERRED' ELSE 'QUEUED' END,"
                + " attempts = attempts - 1, next_attempt_at = :at, claimed_by = NULL,"
                + " claimed_until = NULL WHERE id IN (:ids) AND claimed_by = :node")
        .param("at", SqlTimes.utc(at))
        .param("ids", ids)
        .param("node", node)
        .update();
  }

  /** Returns a claimed message to the queue untouched (paused job, shutdown). */
  void release(long id, String node, Instant now) {
    jdbc.sql(
            "UPDATE delivery SET state = 'QUEUED', attempts = attempts - 1, next_attempt_at = :at,"
                + " claimed_by = NULL, claimed_until = NULL WHERE id = :id AND claimed_by = :node")
        .param("at", SqlTimes.utc(now))
        .param("id", id)
        .param("node", node)
        .update();
  }

  /**
   * Marks a delivered or deferred message bounced because a bounce report arrived after the fact;
   * returns whether it changed (a message bounced, suppressed or still in flight stays as it is).
   */
  boolean markBounced(long id, Integer code, String reply, Instant now) {
    return jdbc.sql(
                "UPDATE delivery SET state = 'BOUNCED', last_code = :c, last_reply = :r,"
                    + " finished_at = :at WHERE id = :id AND state IN ('DELIVERED', 'DEFERRED')")
            .param("c", code)
            .param("r", truncate(reply, 1000))
            .param("at", SqlTimes.utc(now))
            .param("id", id)
            .update()
        == 1;
  }

  void recordAttempt(Attempt a) {
    jdbc.sql(
            "INSERT INTO delivery_attempt (delivery_id, attempted_at, route, host, address, outcome,"
                + " code, enhanced, reply, tls_protocol, tls_cipher, tls_verified, duration_ms, node)"
                + " VALUES (:d, :at, :route, :host, :addr, :outcome, :code, :enh, :reply, :tp, :tc,"
                + " :tv, :ms, :node)")
        .param("d", a.deliveryId())
        .param("at", SqlTimes.utc(a.at()))
        .param("route", a.route())
        .param("host", truncate(a.host(), 255))
        .param("addr", truncate(a.address(), 64))
        .param("outcome", a.outcome())
        .param("code", a.code())
        .param("enh", truncate(a.enhanced(), 16))
        .param("reply", truncate(a.reply(), 1000))
        .param("tp", truncate(a.tlsProtocol(), 32))
        .param("tc", truncate(a.tlsCipher(), 128))
        .param("tv", a.tlsVerified())
        .param("ms", a.durationMs())
        .param("node", truncate(a.node(), 128))
        .update();
  }

  /** The deliveries to {@code recipient} (newest first), each with its attempts. */
  List<DeliveryRecord> byRecipient(String recipient, int limit) {
    return jdbc.sql(
            "SELECT id, job_id, recipient, state, attempts, queued_at, next_attempt_at, finished_at,"
                + " last_code, last_reply FROM delivery WHERE recipient = :r ORDER BY id DESC"
                + " FETCH FIRST :lim ROWS ONLY")
        .param("r", recipient)
        .param("lim", limit)
        .query(this::record)
        .list();
  }

  /** A page of a job's deliveries in one state, in id order after {@code afterId}. */
  List<DeliveryRecord> ofJob(long jobId, DeliveryState state, long afterId, int limit) {
    return jdbc.sql(
            "SELECT id, job_id, recipient, state, attempts, queued_at, next_attempt_at, finished_at,"
                + " last_code, last_reply FROM delivery WHERE job_id = :j"
                + (state == null ? "" : " AND state = :s")
                + " AND id > :after ORDER BY id FETCH FIRST :lim ROWS ONLY")
        .param("j", jobId)
        .param("s", state == null ? "" : state.name())
        .param("after", afterId)
        .param("lim", limit)
        .query(this::record)
        .list();
  }

  /** The delivery a VERP or unsubscribe token names. */
  Optional<DeliveryRecord> byToken(String token) {
    return jdbc.sql(
            "SELECT id, job_id, recipient, state, attempts, queued_at, next_attempt_at, finished_at,"
                + " last_code, last_reply FROM delivery WHERE token = :t")
        .param("t", token)
        .query(this::record)
        .optional();
  }

  private DeliveryRecord record(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    int code = rs.getInt("last_code");
    Optional<Integer> lastCode = rs.wasNull() ? Optional.empty() : Optional.of(code);
    return new DeliveryRecord(
        id,
        rs.getLong("job_id"),
        rs.getString("recipient"),
        DeliveryState.valueOf(rs.getString("state")),
        rs.getInt("attempts"),
        SqlTimes.instant(rs, "queued_at"),
        SqlTimes.instant(rs, "next_attempt_at"),
        Optional.ofNullable(SqlTimes.instant(rs, "finished_at")),
        lastCode,
        rs.getString("last_reply") == null ? "" : rs.getString("last_reply"),
        attempts(id));
  }

  private List<Attempt> attempts(long deliveryId) {
    return jdbc.sql(
            "SELECT delivery_id, attempted_at, route, host, address, outcome, code, enhanced, reply,"
                + " tls_protocol, tls_cipher, tls_verified, duration_ms, node FROM delivery_attempt"
                + " WHERE delivery_id = :d ORDER BY id")
        .param("d", deliveryId)
        .query((rs, row) -> {
          int code = rs.getInt("code");
          Integer c = rs.wasNull() ? null : code;
          return new Attempt(
              rs.getLong("delivery_id"),
              SqlTimes.instant(rs, "attempted_at"),
              rs.getString("route"),
              rs.getString("host"),
              rs.getString("address"),
              rs.getString("outcome"),
              c,
              rs.getString("enhanced"),
              rs.getString("reply"),
              rs.getString("tls_protocol"),
              rs.getString("tls_cipher"),
              rs.getBoolean("tls_verified"),
              rs.getLong("duration_ms"),
              rs.getString("node"));
        })
        .list();
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }
}
