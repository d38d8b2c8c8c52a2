package dev.hikyaku.identity.users;

import dev.hikyaku.identity.IdentityProperties;
import dev.hikyaku.platform.Tokens;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One-time links with which a person chooses their own password: the first administrator's (no
 * account yet) and each invited or reset person's. Only the link's hash is stored; a new link for
 * the same account voids the old one.
 */
@Service
public class SetupLinks {

  /** A valid, unused link; {@code userId} is empty for the first administrator's. */
  public record Link(long id, Optional<Long> userId) {}

  private final JdbcClient jdbc;
  private final Clock clock;
  private final IdentityProperties properties;

  SetupLinks(JdbcClient jdbc, Clock clock, IdentityProperties properties) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
  }

  /** A new link for the first administrator; voids earlier ones. Returns the token. */
  @Transactional
  public String issueBootstrap() {
    jdbc.sql("DELETE FROM setup_link WHERE user_id IS NULL").update();
    return insert(null);
  }

  /** A new link for {@code userId}; voids earlier ones. Returns the token. */
  @Transactional
  public String issueFor(long userId) {
    jdbc.sql("DELETE FROM setup_link WHERE user_id = :u").param("u", userId).update();
    return insert(userId);
  }

  public String url(String token) {
    return properties.publicUrl().replaceAll("/+$", "") + "/setup?token=" + token;
  }

  public Optional<Link> find(String token) {
    if (token == null || token.isBlank() || token.length() > 128) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT id, user_id FROM setup_link WHERE token_hash = :h AND used_at IS NULL"
                + " AND expires_at > :now")
        .param("h", Tokens.sha256(token))
        .param("now", OffsetDateTime.now(clock))
        .query((rs, n) -> {
          long user = rs.getLong("user_id");
          Optional<Long> userId = rs.wasNull() ? Optional.empty() : Optional.of(user);
          return new Link(rs.getLong("id"), userId);
        })
        .optional();
  }

  /** Marks the link used; false if it was used meanwhile (two tabs, a replay). */
  @Transactional
  public boolean consume(Link link) {
    return jdbc.sql("UPDATE setup_link SET used_at = :now WHERE id = :id AND used_at IS NULL")
            .param("now", OffsetDateTime.now(clock))
            .param("id", link.id())
            .update()
        == 1;
  }

  private String insert(Long userId) {
    String token = Tokens.random(24);
    Instant expires = clock.instant().plus(properties.setupLinkValidity());
    jdbc.sql("INSERT INTO setup_link (token_hash, user_id, expires_at) VALUES (:h, :u, :exp)")
        .param("h", Tokens.sha256(token))
        .param("u", userId)
        .param("exp", expires.atOffset(ZoneOffset.UTC))
        .update();
    return token;
  }
}
