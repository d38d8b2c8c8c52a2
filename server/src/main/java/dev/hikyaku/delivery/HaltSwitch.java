package dev.hikyaku.delivery;

import dev.hikyaku.platform.SqlTimes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The emergency stop: one row in the database, so that every node obeys it, and this node's view of
 * it, read again at most every {@link #FRESH} so the engine may ask before every SMTP transaction
 * without a query each time. A node therefore notices a halt pulled elsewhere within that time plus
 * its idle wait; the node that pulls it stops at once.
 */
@Component
class HaltSwitch {

  static final Duration FRESH = Duration.ofMillis(500);

  private static final Logger log = LoggerFactory.getLogger(HaltSwitch.class);
  private static final String SELECT =
      "SELECT halted, halted_by, halted_at, reason FROM delivery_halt WHERE id = 1";

  /** What this node last read, and when (monotonic time: the wall clock may be moved). */
  private record Seen(Optional<Halt> halt, long atNanos) {}

  private final JdbcClient jdbc;
  private volatile Seen seen;

  HaltSwitch(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Whether sending is halted, as this node last saw it (at most {@link #FRESH} old). */
  boolean engaged() {
    return current().isPresent();
  }

  /** The halt in force as this node last saw it (at most {@link #FRESH} old). */
  Optional<Halt> current() {
    Seen s = seen;
    if (s != null && System.nanoTime() - s.atNanos() < FRESH.toNanos()) {
      return s.halt();
    }
    try {
      Optional<Halt> now = read();
      seen = new Seen(now, System.nanoTime());
      return now;
    } catch (DataAccessException e) {
      // Without the database nothing can be claimed or recorded anyway: keep the last view and
      // ask again next time.
      log.warn("cannot read the emergency stop: {}", e.toString());
      return s == null ? Optional.empty() : s.halt();
    }
  }

  /** The halt in force, read from the database now. */
  Optional<Halt> read() {
    return jdbc.sql(SELECT).query(HaltSwitch::row).single();
  }

  /**
   * Pulls the stop unless it is pulled already (the first halt's actor, time and reason stay); true
   * when this call pulled it. This node sees it at once.
   */
  boolean engage(Halt halt) {
    boolean pulled =
        jdbc.sql(
                    "UPDATE delivery_halt SET halted = TRUE, halted_by = :by, halted_at = :at,"
                        + " reason = :reason WHERE id = 1 AND halted = FALSE")
                .param("by", halt.by().length() > 200 ? halt.by().substring(0, 200) : halt.by())
                .param("at", SqlTimes.utc(halt.since()))
                .param("reason", halt.reason())
                .update()
            == 1;
    if (pulled) {
      seen = new Seen(Optional.of(halt), System.nanoTime());
    }
    return pulled;
  }

  /**
   * Releases the stop; returns the halt that was in force, or empty when there was none. This node
   * reads the state again once the caller's transaction commits.
   */
  Optional<Halt> release() {
    Optional<Halt> was = jdbc.sql(SELECT + " FOR UPDATE").query(HaltSwitch::row).single();
    if (was.isPresent()) {
      jdbc.sql(
              "UPDATE delivery_halt SET halted = FALSE, halted_by = NULL, halted_at = NULL,"
                  + " reason = NULL WHERE id = 1")
          .update();
    }
    forget();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              forget(); // before the engine is woken (later registrations run later)
            }

            @Override
            public void afterCompletion(int status) {
              forget();
            }
          });
    }
    return was;
  }

  private void forget() {
    seen = null;
  }

  /**
   * The row as a halt. A row set by hand in SQL (the documented last resort when no console is
   * reachable) may lack the actor or the time: it still halts.
   */
  private static Optional<Halt> row(ResultSet rs, int row) throws SQLException {
    if (!rs.getBoolean("halted")) {
      return Optional.empty();
    }
    String by = rs.getString("halted_by");
    Instant at = SqlTimes.instant(rs, "halted_at");
    return Optional.of(
        new Halt(
            by == null || by.isBlank() ? "database" : by,
            at == null ? Instant.EPOCH : at,
            rs.getString("reason")));
  }
}
