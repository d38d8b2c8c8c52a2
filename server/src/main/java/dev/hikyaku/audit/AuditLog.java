package dev.hikyaku.audit;

import dev.hikyaku.shared.AuditedAction;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends {@link AuditedAction}s to the chain. Runs in the publisher's transaction when there is
 * one, so an action and its entry commit together; the head row is locked for the append, which
 * serialises writers across threads and cluster nodes.
 */
@Service
public class AuditLog {

  private static final int SUMMARY_MAX = 2000;

  private final JdbcClient jdbc;
  private final Clock clock;

  AuditLog(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @EventListener
  @Transactional
  public void append(AuditedAction action) {
    Head head =
        jdbc.sql("SELECT last_seq, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
            .query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
            .single();
    long seq = head.lastSeq() + 1;
    Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
    String actor = clip(action.actor().label(), 128);
    String ip = clip(action.sourceIp(), 64);
    String target = clip(action.target(), 256);
    String outcome = action.outcome().name().toLowerCase(java.util.Locale.ROOT);
    String before = clip(action.before(), SUMMARY_MAX);
    String after = clip(action.after(), SUMMARY_MAX);
    String hash =
        AuditChain.hash(
            seq, now, actor, ip, action.action(), target, outcome, before, after, head.lastHash());
    jdbc.sql(
            """
            INSERT INTO audit_event (seq, occurred_at, actor, source_ip, action, target, outcome,
                                     before_summary, after_summary, prev_hash, hash)
            VALUES (:seq, :at, :actor, :ip, :action, :target, :outcome, :before, :after, :prev, :hash)
            """)
        .param("seq", seq)
        .param("at", now.atOffset(ZoneOffset.UTC))
        .param("actor", actor)
        .param("ip", ip)
        .param("action", action.action())
        .param("target", target)
        .param("outcome", outcome)
        .param("before", before)
        .param("after", after)
        .param("prev", head.lastHash())
        .param("hash", hash)
        .update();
    jdbc.sql("UPDATE audit_head SET last_seq = :seq, last_hash = :hash WHERE id = 1")
        .param("seq", seq)
        .param("hash", hash)
        .update();
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max - 1) + "…";
  }

  private record Head(long lastSeq, String lastHash) {}
}
