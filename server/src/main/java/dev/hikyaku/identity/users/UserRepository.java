package dev.hikyaku.identity.users;

import dev.hikyaku.identity.Role;
import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for accounts and their roles. */
@Repository
public class UserRepository {

  private static final String SELECT =
      "SELECT id, username, display_name, email, password_hash, enabled, totp_secret,"
          + " totp_last_step, mfa_enrolled_at, failed_logins, locked_until, session_epoch,"
          + " created_at FROM app_user";

  private final JdbcClient jdbc;

  UserRepository(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<User> findById(long id) {
    return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(this::map).optional();
  }

  /**
   * The account, its row locked until the transaction ends: sign-in steps for one account then run
   * one at a time, so parallel guesses cannot all read "not locked" or reuse one TOTP step.
   */
  public Optional<User> lockById(long id) {
    return jdbc.sql(SELECT + " WHERE id = :id FOR UPDATE")
        .param("id", id)
        .query(this::map)
        .optional();
  }

  public Optional<User> findByUsername(String username) {
    return jdbc.sql(SELECT + " WHERE username = :u")
        .param("u", username)
        .query(this::map)
        .optional();
  }

  public List<User> findAll() {
    return jdbc.sql(SELECT + " ORDER BY username").query(this::map).list();
  }

  public boolean any() {
    return jdbc.sql("SELECT COUNT(*) FROM app_user").query(Long.class).single() > 0;
  }

  /**
   * Enabled accounts holding ADMIN, other than {@code exceptId}, with their rows locked: two admins
   * disabling or demoting each other at once are serialised, and the second sees the first's
   * change.
   */
  public long countOtherEnabledAdmins(long exceptId) {
    return jdbc.sql(
            "SELECT id FROM app_user WHERE enabled = TRUE AND id <> :id"
                + " AND id IN (SELECT user_id FROM user_role WHERE role = 'ADMIN') FOR UPDATE")
        .param("id", exceptId)
        .query(Long.class)
        .list()
        .size();
  }

  public long insert(String username, String displayName, String email, Instant now) {
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    jdbc.sql(
            "INSERT INTO app_user (username, display_name, email, created_at, updated_at)"
                + " VALUES (:u, :d, :e, :now, :now)")
        .param("u", username)
        .param("d", displayName)
        .param("e", email)
        .param("now", SqlTimes.utc(now))
        .update(keys, "id");
    return keys.getKeyAs(Number.class).longValue();
  }

  public void setRoles(long id, Set<Role> roles) {
    jdbc.sql("DELETE FROM user_role WHERE user_id = :id").param("id", id).update();
    for (Role r : roles) {
      jdbc.sql("INSERT INTO user_role (user_id, role) VALUES (:id, :r)")
          .param("id", id)
          .param("r", r.name())
          .update();
    }
  }

  public void updateProfile(long id, String displayName, String email, Instant now) {
    update(
        id,
        "display_name = :d, email = :e",
        Map.of("d", displayName, "e", email == null ? "" : email),
        now);
  }

  /** Enables or disables; disabling also bumps the epoch so every session ends at once. */
  public void setEnabled(long id, boolean enabled, Instant now) {
    update(
        id,
        enabled ? "enabled = TRUE" : "enabled = FALSE, session_epoch = session_epoch + 1",
        Map.of(),
        now);
  }

  /** Ends every session of the account (the session filter compares epochs). */
  public void endSessions(long id, Instant now) {
    update(id, "session_epoch = session_epoch + 1", Map.of(), now);
  }

  public void setPassword(long id, String hash, Instant now) {
    update(id, "password_hash = :h", Map.of("h", hash), now);
  }

  public void setTotp(long id, String sealedSecret, long step, Instant now) {
    update(
        id,
        "totp_secret = :s, totp_last_step = :step, mfa_enrolled_at = :now",
        Map.of("s", sealedSecret, "step", step),
        now);
  }

  /** Records the TOTP step just used; false if that step (or a later one) was used already. */
  public boolean useTotpStep(long id, long step, Instant now) {
    return jdbc.sql(
                "UPDATE app_user SET totp_last_step = :step, updated_at = :now WHERE id = :id"
                    + " AND (totp_last_step IS NULL OR totp_last_step < :step)")
            .param("step", step)
            .param("now", SqlTimes.utc(now))
            .param("id", id)
            .update()
        == 1;
  }

  /** Clears password and MFA and ends every session: the person starts again from a new link. */
  public void resetAccess(long id, Instant now) {
    update(
        id,
        "password_hash = NULL, totp_secret = NULL, totp_last_step = NULL, mfa_enrolled_at = NULL,"
            + " failed_logins = 0, locked_until = NULL, session_epoch = session_epoch + 1",
        Map.of(),
        now);
    jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", id).update();
  }

  public void clearMfa(long id, Instant now) {
    update(
        id,
        "totp_secret = NULL, totp_last_step = NULL, mfa_enrolled_at = NULL,"
            + " session_epoch = session_epoch + 1",
        Map.of(),
        now);
    jdbc.sql("DELETE FROM recovery_code WHERE user_id = :id").param("id", id).update();
  }

  /** Counts a failure; locks until {@code lockUntil} when the count reaches {@code max}. */
  public int recordFailure(long id, int max, Instant lockUntil, Instant now) {
    update(id, "failed_logins = failed_logins + 1", Map.of(), now);
    int failures =
        jdbc.sql("SELECT failed_logins FROM app_user WHERE id = :id")
            .param("id", id)
            .query(Integer.class)
            .single();
    if (failures >= max) {
      update(
          id,
          "locked_until = :until, failed_logins = 0",
          Map.of("until", SqlTimes.utc(lockUntil)),
          now);
    }
    return failures;
  }

  public void clearFailures(long id, Instant now) {
    update(id, "failed_logins = 0, locked_until = NULL", Map.of(), now);
  }

  private void update(long id, String set, Map<String, ?> params, Instant now) {
    jdbc.sql("UPDATE app_user SET " + set + ", updated_at = :now WHERE id = :id")
        .params(params)
        .param("now", SqlTimes.utc(now))
        .param("id", id)
        .update();
  }

  private User map(ResultSet rs, int row) throws SQLException {
    long id = rs.getLong("id");
    long lastStep = rs.getLong("totp_last_step");
    if (rs.wasNull()) {
      lastStep = Long.MIN_VALUE;
    }
    return new User(
        id,
        rs.getString("username"),
        rs.getString("display_name"),
        rs.getString("email"),
        rs.getString("password_hash"),
        rs.getBoolean("enabled"),
        rs.getString("totp_secret"),
        lastStep,
        SqlTimes.instant(rs, "mfa_enrolled_at"),
        rs.getInt("failed_logins"),
        SqlTimes.instant(rs, "locked_until"),
        rs.getInt("session_epoch"),
        roles(id),
        SqlTimes.instant(rs, "created_at"));
  }

  private Set<Role> roles(long id) {
    var names =
        jdbc.sql("SELECT role FROM user_role WHERE user_id = :id")
            .param("id", id)
            .query(String.class)
            .list();
    return names.isEmpty()
        ? EnumSet.noneOf(Role.class)
        : names.stream()
            .map(Role::valueOf)
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }
}
