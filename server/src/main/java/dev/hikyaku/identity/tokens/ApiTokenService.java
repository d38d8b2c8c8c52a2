package dev.hikyaku.identity.tokens;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.IdentityProperties;
import dev.hikyaku.identity.Scope;
import dev.hikyaku.identity.SignedInUser;
import dev.hikyaku.identity.mfa.MfaService;
import dev.hikyaku.platform.SqlTimes;
import dev.hikyaku.platform.Tokens;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Personal API tokens: {@code hky_<public id>_<secret>}, shown once, stored as a SHA-256 hash,
 * scoped and expiring. The owner's account is checked at each use, so disabling a person stops
 * their tokens at once.
 */
@Service
public class ApiTokenService {

  /** A token just created: {@code secret} is the only copy of the full token there will be. */
  public record Created(ApiToken token, String secret) {}

  private static final Pattern FORMAT = Pattern.compile("hky_([a-z0-9]{10})_([A-Za-z0-9_-]{43})");

  private final JdbcClient jdbc;
  private final Clock clock;
  private final IdentityProperties properties;
  private final CurrentActor actor;
  private final MfaService mfa;

  ApiTokenService(
      JdbcClient jdbc,
      Clock clock,
      IdentityProperties properties,
      @Lazy CurrentActor actor,
      @Lazy MfaService mfa) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.properties = properties;
    this.actor = actor;
    this.mfa = mfa;
  }

  @Transactional
  public Created create(
      SignedInUser owner, String name, Collection<String> scopeKeys, int validDays) {
    String n = TextRules.requireLine("name", name, 64);
    if (scopeKeys == null || scopeKeys.isEmpty()) {
      throw new InvalidInputException("scopes", "scopes-required", "choose at least one scope");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    scopeKeys.forEach(k -> scopes.add(Scope.parse(k)));
    long maxDays = properties.tokenMaxValidity().toDays();
    if (validDays < 1 || validDays > maxDays) {
      throw new InvalidInputException(
          "validDays", "token-validity", "validity must be 1 to " + maxDays + " days");
    }
    String publicId = Tokens.randomLowerAlphanumeric(10);
    String secret = "hky_" + publicId + "_" + Tokens.random(32);
    Instant now = clock.instant();
    Instant expires = now.plus(Duration.ofDays(validDays));
    jdbc.sql(
            "INSERT INTO api_token (public_id, user_id, name, secret_hash, scopes, created_at,"
                + " expires_at) VALUES (:p, :u, :n, :h, :s, :now, :exp)")
        .param("p", publicId)
        .param("u", owner.id())
        .param("n", n)
        .param("h", Tokens.sha256(secret))
        .param("s", scopes.stream().map(Scope::key).collect(Collectors.joining(" ")))
        .param("now", now.atOffset(ZoneOffset.UTC))
        .param("exp", expires.atOffset(ZoneOffset.UTC))
        .update();
    ApiToken token = new ApiToken(publicId, owner.id(), n, scopes, now, expires, null, null);
    actor.record(
        "token.create",
        "token:" + owner.username() + "/" + publicId,
        "",
        "name="
            + n
            + " scopes="
            + scopes.stream().map(Scope::key).toList()
            + " expires="
            + expires);
    return new Created(token, secret);
  }

  public List<ApiToken> listOf(long userId) {
    return jdbc.sql("SELECT * FROM api_token WHERE user_id = :u ORDER BY created_at DESC")
        .param("u", userId)
        .query(ApiTokenService::map)
        .list();
  }

  /** Revokes one of {@code owner}'s tokens; false if there is no such active token. */
  @Transactional
  public boolean revoke(SignedInUser owner, String publicId) {
    int n =
        jdbc.sql(
                "UPDATE api_token SET revoked_at = :now WHERE public_id = :p AND user_id = :u"
                    + " AND revoked_at IS NULL")
            .param("now", OffsetDateTime.now(clock))
            .param("p", publicId)
            .param("u", owner.id())
            .update();
    if (n == 1) {
      actor.record(
          "token.revoke", "token:" + owner.username() + "/" + publicId, "active", "revoked");
    }
    return n == 1;
  }

  /** Revokes every active token of a user (account disabled or reset); returns how many. */
  @Transactional
  public int revokeAllOf(long userId) {
    return jdbc.sql(
            "UPDATE api_token SET revoked_at = :now WHERE user_id = :u AND revoked_at IS NULL")
        .param("now", OffsetDateTime.now(clock))
        .param("u", userId)
        .update();
  }

  /**
   * The authentication for a presented bearer token, if it is well formed, matches its stored hash,
   * is neither revoked nor expired, and its owner is enabled.
   */
  @Transactional
  public Optional<ApiTokenAuthentication> authenticate(String presented) {
    var m = FORMAT.matcher(presented == null ? "" : presented);
    if (!m.matches()) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    var row =
        jdbc.sql(
                "SELECT t.*, u.username, u.display_name, u.enabled, u.session_epoch,"
                    + " u.mfa_enrolled_at"
                    + " FROM api_token t JOIN app_user u ON u.id = t.user_id"
                    + " WHERE t.public_id = :p")
            .param("p", m.group(1))
            .query((rs, i) ->
                new Row(
                    map(rs, i),
                    rs.getString("secret_hash"),
                    rs.getString("username"),
                    rs.getString("display_name"),
                    rs.getBoolean("enabled"),
                    rs.getInt("session_epoch"),
                    rs.getObject("mfa_enrolled_at") != null))
            .optional();
    if (row.isEmpty()
        || !Tokens.sameHash(row.get().hash(), Tokens.sha256(presented))
        || !row.get().token().activeAt(now)
        || !row.get().enabled()) {
      return Optional.empty();
    }
    Row r = row.get();
    var roles =
        jdbc
            .sql("SELECT role FROM user_role WHERE user_id = :u")
            .param("u", r.token().userId())
            .query(String.class)
            .list()
            .stream()
            .map(dev.hikyaku.identity.Role::valueOf)
            .collect(
                Collectors.toCollection(() -> EnumSet.noneOf(dev.hikyaku.identity.Role.class)));
    if (!r.mfaEnrolled() && mfa.required(roles)) {
      // A token must not outlast the rule that its owner use MFA (role gained, or MFA made
      // mandatory for all after the token was made): it works again once they have enrolled.
      return Optional.empty();
    }
    List<GrantedAuthority> authorities = new ArrayList<>();
    roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role.name())));
    r.token().scopes().forEach(s -> authorities.add(new SimpleGrantedAuthority(s.authority())));
    if (r.token().lastUsedAt() == null
        || r.token().lastUsedAt().isBefore(now.minus(Duration.ofMinutes(1)))) {
      jdbc.sql("UPDATE api_token SET last_used_at = :now WHERE public_id = :p")
          .param("now", now.atOffset(ZoneOffset.UTC))
          .param("p", r.token().publicId())
          .update();
    }
    var user =
        new SignedInUser(r.token().userId(), r.username(), r.displayName(), roles, r.epoch());
    return Optional.of(new ApiTokenAuthentication(user, r.token().publicId(), authorities));
  }

  private record Row(
      ApiToken token,
      String hash,
      String username,
      String displayName,
      boolean enabled,
      int epoch,
      boolean mfaEnrolled) {}

  private static ApiToken map(ResultSet rs, int row) throws SQLException {
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    Arrays.stream(rs.getString("scopes").split(" "))
        .filter(s -> !s.isBlank())
        .forEach(s -> scopes.add(Scope.parse(s)));
    return new ApiToken(
        rs.getString("public_id"),
        rs.getLong("user_id"),
        rs.getString("name"),
        scopes,
        SqlTimes.instant(rs, "created_at"),
        SqlTimes.instant(rs, "expires_at"),
        SqlTimes.instant(rs, "last_used_at"),
        SqlTimes.instant(rs, "revoked_at"));
  }
}
