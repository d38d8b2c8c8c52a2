package dev.hikyaku.identity.tokens;

import dev.hikyaku.identity.Scope;
import java.time.Instant;
import java.util.Set;

/** An API token as listed: never the secret, which exists only in the response that created it. */
public record ApiToken(
    String publicId,
    long userId,
    String name,
    Set<Scope> scopes,
    Instant createdAt,
    Instant expiresAt,
    Instant lastUsedAt,
    Instant revokedAt) {

  /** The expiry as the console shows it (UTC, to the minute). */
  public String expiresDisplay() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(java.time.ZoneOffset.UTC)
        .format(expiresAt);
  }

  public boolean activeAt(Instant now) {
    return revokedAt == null && expiresAt.isAfter(now);
  }
}
