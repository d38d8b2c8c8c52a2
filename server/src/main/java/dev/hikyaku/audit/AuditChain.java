package dev.hikyaku.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * The hash that links each log row to the one before it: SHA-256 over a length-prefixed encoding of
 * the row's fields and the previous row's hash, so no two different rows encode alike.
 */
final class AuditChain {

  /** The "previous hash" of the first row. */
  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  static String hash(
      long seq,
      Instant occurredAt,
      String actor,
      String sourceIp,
      String action,
      String target,
      String outcome,
      String before,
      String after,
      String prevHash) {
    StringBuilder b = new StringBuilder(256).append("hikyaku-audit-v1\n");
    for (String field :
        new String[] {
          Long.toString(seq),
          Long.toString(occurredAt.toEpochMilli()),
          actor,
          sourceIp,
          action,
          target,
          outcome,
          before,
          after,
          prevHash
        }) {
      b.append(field.length()).append(':').append(field).append('\n');
    }
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String hashOf(AuditEntry e) {
    return hash(
        e.seq(),
        e.occurredAt(),
        e.actor(),
        e.sourceIp(),
        e.action(),
        e.target(),
        e.outcome(),
        e.before(),
        e.after(),
        e.prevHash());
  }
}
