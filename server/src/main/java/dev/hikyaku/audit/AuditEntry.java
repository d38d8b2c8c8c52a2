package dev.hikyaku.audit;

import java.time.Instant;

/** One row of the operation log as stored, with its link to the previous row. */
public record AuditEntry(
    long seq,
    Instant occurredAt,
    String actor,
    String sourceIp,
    String action,
    String target,
    String outcome,
    String before,
    String after,
    String prevHash,
    String hash) {

  private static final java.time.format.DateTimeFormatter DISPLAY =
      java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
          .withZone(java.time.ZoneOffset.UTC);

  /** The time as the console shows it: UTC to the second. */
  public String displayTime() {
    return DISPLAY.format(occurredAt);
  }
}
