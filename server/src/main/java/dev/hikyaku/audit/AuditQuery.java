package dev.hikyaku.audit;

import java.time.LocalDate;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A filter over the operation log. Every field is optional; controllers bind it straight from the
 * query string ({@code ?from=2026-11-01&action=login&beforeSeq=120}).
 *
 * @param from first day included (UTC)
 * @param to last day included (UTC)
 * @param actor substring of the actor label, e.g. {@code sato}
 * @param action prefix of the action, e.g. {@code login} or {@code user.role}
 * @param outcome {@code success}, {@code denied} or {@code failure}
 * @param beforeSeq only entries older than this sequence number (for paging back)
 * @param limit at most this many entries, newest first (default 100, at most 10,000; exports stream
 *     without a limit)
 */
public record AuditQuery(
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
    String actor,
    String action,
    String outcome,
    Long beforeSeq,
    Integer limit) {

  public AuditQuery {
    actor = blankToNull(actor);
    action = blankToNull(action);
    outcome = blankToNull(outcome);
    if (outcome != null) {
      outcome = outcome.toLowerCase(Locale.ROOT);
    }
    limit = limit == null ? 100 : Math.max(1, Math.min(limit, 10_000));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
