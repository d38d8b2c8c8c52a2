package dev.hikyaku.domains;

import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** SQL for sending domains and their DKIM keys. */
@Repository
class DomainRepository {

  private static final String DOMAIN_COLUMNS =
      "id, name, return_path_domain, status, created_by, created_at, verified_at, checked_at,"
          + " check_summary";
  private static final String KEY_COLUMNS =
      "id, domain_id, selector, algorithm, key_bits, public_key, state, created_at, activated_at,"
          + " retire_at";

  private final JdbcClient jdbc;

  DomainRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  long insert(String name, String returnPath, String createdBy, Instant now) {
    var keys = new GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO sending_domain (name, return_path_domain, status, created_by, created_at)"
                + " VALUES (:n, :rp, 'UNVERIFIED', :by, :at)")
        .param("n", name)
        .param("rp", returnPath)
        .param("by", createdBy)
        .param("at", now.atOffset(ZoneOffset.UTC))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  List<SendingDomain> all() {
    return jdbc.sql("SELECT " + DOMAIN_COLUMNS + " FROM sending_domain ORDER BY name")
        .query(DomainRepository::domain)
        .list();
  }

  Optional<SendingDomain> find(long id) {
    return jdbc.sql("SELECT " + DOMAIN_COLUMNS + " FROM sending_domain WHERE id = :id")
        .param("id", id)
        .query(DomainRepository::domain)
        .optional();
  }

  Optional<SendingDomain> findByName(String name) {
    return jdbc.sql("SELECT " + DOMAIN_COLUMNS + " FROM sending_domain WHERE name = :n")
        .param("n", name)
        .query(DomainRepository::domain)
        .optional();
  }

  /** Locks the domain's row until the transaction ends: verifications and rotations queue. */
  Optional<SendingDomain> lock(long id) {
    return jdbc.sql("SELECT " + DOMAIN_COLUMNS + " FROM sending_domain WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(DomainRepository::domain)
        .optional();
  }

  void recordCheck(
      long id, SendingDomain.Status status, Instant verifiedAt, Instant now, String summary) {
    jdbc.sql(
            "UPDATE sending_domain SET status = :s, verified_at = :v, checked_at = :at,"
                + " check_summary = :sum WHERE id = :id")
        .param("s", status.name())
        .param("v", verifiedAt == null ? null : verifiedAt.atOffset(ZoneOffset.UTC))
        .param("at", now.atOffset(ZoneOffset.UTC))
        .param("sum", summary.length() > 2000 ? summary.substring(0, 2000) : summary)
        .param("id", id)
        .update();
  }

  void delete(long id) {
    jdbc.sql("DELETE FROM sending_domain WHERE id = :id").param("id", id).update();
  }

  void insertKey(long domainId, String selector, DkimKeyVault.NewKey key, Instant now) {
    jdbc.sql(
            "INSERT INTO dkim_key (domain_id, selector, algorithm, key_bits, public_key,"
                + " private_key, state, created_at) VALUES (:d, :s, :a, :b, :p, :k, 'PENDING', :at)")
        .param("d", domainId)
        .param("s", selector)
        .param("a", key.algorithm().name())
        .param("b", key.bits())
        .param("p", key.publicKeyRecord())
        .param("k", key.sealed())
        .param("at", now.atOffset(ZoneOffset.UTC))
        .update();
  }

  /** Every key of the domain, newest first. */
  List<DkimKey> keys(long domainId) {
    return jdbc.sql(
            "SELECT " + KEY_COLUMNS + " FROM dkim_key WHERE domain_id = :d ORDER BY id DESC")
        .param("d", domainId)
        .query(DomainRepository::key)
        .list();
  }

  Optional<String> sealedPrivateKey(long keyId) {
    return jdbc.sql("SELECT private_key FROM dkim_key WHERE id = :id AND private_key IS NOT NULL")
        .param("id", keyId)
        .query(String.class)
        .optional();
  }

  void activate(long keyId, Instant now) {
    jdbc.sql("UPDATE dkim_key SET state = 'ACTIVE', activated_at = :at WHERE id = :id")
        .param("at", now.atOffset(ZoneOffset.UTC))
        .param("id", keyId)
        .update();
  }

  void startRetiring(long keyId, Instant retireAt) {
    jdbc.sql("UPDATE dkim_key SET state = 'RETIRING', retire_at = :r WHERE id = :id")
        .param("r", retireAt.atOffset(ZoneOffset.UTC))
        .param("id", keyId)
        .update();
  }

  /** Retires keys whose grace period is over and erases their private halves; returns them. */
  List<DkimKey> retireDue(Instant now) {
    List<DkimKey> due =
        jdbc.sql(
                "SELECT "
                    + KEY_COLUMNS
                    + " FROM dkim_key WHERE state = 'RETIRING' AND retire_at <= :now")
            .param("now", now.atOffset(ZoneOffset.UTC))
            .query(DomainRepository::key)
            .list();
    for (DkimKey key : due) {
      jdbc.sql(
              "UPDATE dkim_key SET state = 'RETIRED', private_key = NULL, retired_at = :now"
                  + " WHERE id = :id AND state = 'RETIRING'")
          .param("now", now.atOffset(ZoneOffset.UTC))
          .param("id", key.id())
          .update();
    }
    return due;
  }

  /** Drops keys generated for a rotation that never completed. */
  void deletePending(long domainId) {
    jdbc.sql("DELETE FROM dkim_key WHERE domain_id = :d AND state = 'PENDING'")
        .param("d", domainId)
        .update();
  }

  private static SendingDomain domain(ResultSet rs, int row) throws SQLException {
    return new SendingDomain(
        rs.getLong("id"),
        rs.getString("name"),
        rs.getString("return_path_domain"),
        SendingDomain.Status.valueOf(rs.getString("status")),
        rs.getString("created_by"),
        SqlTimes.instant(rs, "created_at"),
        Optional.ofNullable(SqlTimes.instant(rs, "verified_at")),
        Optional.ofNullable(SqlTimes.instant(rs, "checked_at")),
        rs.getString("check_summary") == null ? "" : rs.getString("check_summary"));
  }

  private static DkimKey key(ResultSet rs, int row) throws SQLException {
    return new DkimKey(
        rs.getLong("id"),
        rs.getLong("domain_id"),
        rs.getString("selector"),
        DkimKey.Algorithm.valueOf(rs.getString("algorithm")),
        rs.getInt("key_bits"),
        rs.getString("public_key"),
        DkimKey.State.valueOf(rs.getString("state")),
        SqlTimes.instant(rs, "created_at"),
        Optional.ofNullable(SqlTimes.instant(rs, "activated_at")),
        Optional.ofNullable(SqlTimes.instant(rs, "retire_at")));
  }
}
