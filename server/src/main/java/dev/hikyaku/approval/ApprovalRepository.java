package dev.hikyaku.approval;

import dev.hikyaku.approval.checks.Finding;
import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for approval requests, their decisions and findings, and delegations. */
@Repository
class ApprovalRepository {

  private static final String REQUEST =
      "SELECT id, subject_kind, subject_id, title, content_hash, recipients, required, authors,"
          + " state, submitted_by, submitted_ip, submitted_at, decided_at, expires_at,"
          + " closing_note FROM approval_request";

  private final JdbcClient jdbc;

  ApprovalRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(
      SubjectRef subject,
      ApprovalSubject.Snapshot s,
      int required,
      String by,
      String ip,
      Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO approval_request (subject_kind, subject_id, title, content_hash,"
                + " snapshot, recipients, required, authors, state, submitted_by, submitted_ip,"
                + " submitted_at) VALUES (:kind, :sid, :title, :hash, :text, :n, :req, :authors,"
                + " 'PENDING', :by, :ip, :at)")
        .param("kind", subject.kind())
        .param("sid", subject.id())
        .param("title", s.title())
        .param("hash", s.hash())
        .param("text", s.text())
        .param("n", s.recipients())
        .param("req", required)
        .param("authors", String.join("\n", new TreeSet<>(s.authors())))
        .param("by", by)
        .param("ip", ip)
        .param("at", utc(now))
        .update(keys, "id");
    long id = keys.getKeyAs(Number.class).longValue();
    int seq = 0;
    for (Finding f : s.findings()) {
      jdbc.sql(
              "INSERT INTO approval_finding (request_id, seq, severity, code, location, args,"
                  + " message) VALUES (:id, :seq, :sev, :code, :loc, :args, :msg)")
          .param("id", id)
          .param("seq", seq++)
          .param("sev", f.severity().name())
          .param("code", f.code())
          .param("loc", cut(f.location(), 500))
          .param("args", cut(String.join("\n", f.args()), 2000))
          .param("msg", cut(f.message(), 1000))
          .update();
    }
    return id;
  }

  Optional<ApprovalRequest> find(long id) {
    return jdbc.sql(REQUEST + " WHERE id = :id").param("id", id).query(this::request).optional();
  }

  /** Locks the request row for a state change (PostgreSQL and H2 both honour FOR UPDATE). */
  Optional<ApprovalRequest> lock(long id) {
    return jdbc.sql(REQUEST + " WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(this::request)
        .optional();
  }

  Optional<ApprovalRequest> latest(SubjectRef subject) {
    return jdbc.sql(
            REQUEST
                + " WHERE subject_kind = :kind AND subject_id = :sid ORDER BY id DESC"
                + " FETCH FIRST 1 ROWS ONLY")
        .param("kind", subject.kind())
        .param("sid", subject.id())
        .query(this::request)
        .optional();
  }

  List<ApprovalRequest> history(SubjectRef subject) {
    return jdbc.sql(REQUEST + " WHERE subject_kind = :kind AND subject_id = :sid ORDER BY id DESC")
        .param("kind", subject.kind())
        .param("sid", subject.id())
        .query(this::request)
        .list();
  }

  /**
   * The content text of the last request of {@code subject} before {@code id} that was approved.
   */
  Optional<Previous> lastApprovedBefore(SubjectRef subject, long id) {
    return jdbc.sql(
            "SELECT id, snapshot, content_hash FROM approval_request WHERE subject_kind = :kind"
                + " AND subject_id = :sid AND id < :id AND decided_at IS NOT NULL AND EXISTS"
                + " (SELECT 1 FROM approval_decision d WHERE d.request_id = approval_request.id"
                + " AND d.decision = 'APPROVE') AND state IN ('APPROVED', 'VOIDED', 'EXPIRED')"
                + " ORDER BY id DESC FETCH FIRST 1 ROWS ONLY")
        .param("kind", subject.kind())
        .param("sid", subject.id())
        .param("id", id)
        .query((rs, n) ->
            new Previous(rs.getLong("id"), rs.getString("snapshot"), rs.getString("content_hash")))
        .optional();
  }

  record Previous(long id, String text, String hash) {}

  String snapshotText(long id) {
    return jdbc.sql("SELECT snapshot FROM approval_request WHERE id = :id")
        .param("id", id)
        .query(String.class)
        .single();
  }

  List<ApprovalRequest> inState(ApprovalRequest.State state, int limit) {
    return jdbc.sql(REQUEST + " WHERE state = :s ORDER BY id FETCH FIRST :lim ROWS ONLY")
        .param("s", state.name())
        .param("lim", limit)
        .query(this::request)
        .list();
  }

  List<ApprovalRequest> recent(int limit) {
    return jdbc.sql(REQUEST + " ORDER BY id DESC FETCH FIRST :lim ROWS ONLY")
        .param("lim", limit)
        .query(this::request)
        .list();
  }

  List<ApprovalRequest> approvedExpiredAt(Instant now) {
    return jdbc.sql(REQUEST + " WHERE state = 'APPROVED' AND expires_at <= :now")
        .param("now", utc(now))
        .query(this::request)
        .list();
  }

  List<Finding> findings(long requestId) {
    return jdbc.sql(
            "SELECT severity, code, location, args, message FROM approval_finding"
                + " WHERE request_id = :id ORDER BY seq")
        .param("id", requestId)
        .query((rs, n) ->
            new Finding(
                Finding.Severity.valueOf(rs.getString("severity")),
                rs.getString("code"),
                rs.getString("location"),
                rs.getString("args").isEmpty()
                    ? List.of()
                    : Arrays.asList(rs.getString("args").split("\n", -1)),
                rs.getString("message")))
        .list();
  }

  void insertDecision(
      long requestId,
      Decision.Kind kind,
      String by,
      String onBehalfOf,
      String hash,
      String comment,
      String ip,
      Instant now) {
    jdbc.sql(
            "INSERT INTO approval_decision (request_id, decision, decided_by, on_behalf_of,"
                + " content_hash, comment, ip, decided_at) VALUES (:id, :kind, :by, :for, :hash,"
                + " :comment, :ip, :at)")
        .param("id", requestId)
        .param("kind", kind.name())
        .param("by", by)
        .param("for", onBehalfOf)
        .param("hash", hash)
        .param("comment", comment)
        .param("ip", ip)
        .param("at", utc(now))
        .update();
  }

  /** Moves an open request to {@code to}; false when it was no longer in {@code from}. */
  boolean transition(
      long id,
      ApprovalRequest.State from,
      ApprovalRequest.State to,
      Instant now,
      Instant expiresAt,
      String note) {
    return jdbc.sql(
                "UPDATE approval_request SET state = :to, decided_at = COALESCE(:at, decided_at),"
                    + " expires_at = COALESCE(:exp, expires_at), closing_note = :note"
                    + " WHERE id = :id AND state = :from")
            .param("to", to.name())
            .param("at", now == null ? null : utc(now))
            .param("exp", expiresAt == null ? null : utc(expiresAt))
            .param("note", cut(note, 2000))
            .param("id", id)
            .param("from", from.name())
            .update()
        == 1;
  }

  long insertDelegation(
      String approver,
      String proxy,
      Instant from,
      Instant until,
      String reason,
      String by,
      Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO approval_delegation (approver, proxy, valid_from, valid_until, reason,"
                + " created_by, created_at) VALUES (:a, :p, :f, :u, :r, :by, :at)")
        .param("a", approver)
        .param("p", proxy)
        .param("f", utc(from))
        .param("u", utc(until))
        .param("r", reason)
        .param("by", by)
        .param("at", utc(now))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  List<Delegation> delegations(boolean includeEnded, Instant now) {
    return jdbc.sql(
            "SELECT * FROM approval_delegation"
                + (includeEnded ? "" : " WHERE revoked_at IS NULL AND valid_until > :now")
                + " ORDER BY valid_from DESC, id DESC FETCH FIRST 200 ROWS ONLY")
        .param("now", utc(now))
        .query(ApprovalRepository::delegation)
        .list();
  }

  Optional<Delegation> delegation(long id) {
    return jdbc.sql("SELECT * FROM approval_delegation WHERE id = :id")
        .param("id", id)
        .query(ApprovalRepository::delegation)
        .optional();
  }

  boolean revokeDelegation(long id, Instant now) {
    return jdbc.sql(
                "UPDATE approval_delegation SET revoked_at = :at WHERE id = :id"
                    + " AND revoked_at IS NULL")
            .param("at", utc(now))
            .param("id", id)
            .update()
        == 1;
  }

  private ApprovalRequest request(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    String authors = rs.getString("authors");
    return new ApprovalRequest(
        id,
        new SubjectRef(rs.getString("subject_kind"), rs.getLong("subject_id")),
        rs.getString("title"),
        rs.getString("content_hash"),
        rs.getLong("recipients"),
        rs.getInt("required"),
        authors.isEmpty() ? Set.of() : Set.of(authors.split("\n")),
        ApprovalRequest.State.valueOf(rs.getString("state")),
        rs.getString("submitted_by"),
        rs.getString("submitted_ip"),
        SqlTimes.instant(rs, "submitted_at"),
        Optional.ofNullable(SqlTimes.instant(rs, "decided_at")),
        Optional.ofNullable(SqlTimes.instant(rs, "expires_at")),
        rs.getString("closing_note"),
        decisions(id));
  }

  private List<Decision> decisions(long requestId) {
    return jdbc.sql(
            "SELECT id, decision, decided_by, on_behalf_of, content_hash, comment, ip, decided_at"
                + " FROM approval_decision WHERE request_id = :id ORDER BY id")
        .param("id", requestId)
        .query((rs, n) ->
            new Decision(
                rs.getLong("id"),
                Decision.Kind.valueOf(rs.getString("decision")),
                rs.getString("decided_by"),
                rs.getString("on_behalf_of"),
                rs.getString("content_hash"),
                rs.getString("comment"),
                rs.getString("ip"),
                SqlTimes.instant(rs, "decided_at")))
        .list();
  }

  private static Delegation delegation(ResultSet rs, int row) throws SQLException {
    return new Delegation(
        rs.getLong("id"),
        rs.getString("approver"),
        rs.getString("proxy"),
        SqlTimes.instant(rs, "valid_from"),
        SqlTimes.instant(rs, "valid_until"),
        rs.getString("reason"),
        rs.getString("created_by"),
        SqlTimes.instant(rs, "created_at"),
        Optional.ofNullable(SqlTimes.instant(rs, "revoked_at")));
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static String cut(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }
}
