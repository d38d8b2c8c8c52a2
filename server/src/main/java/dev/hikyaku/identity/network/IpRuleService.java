package dev.hikyaku.identity.network;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.identity.IpScope;
import dev.hikyaku.platform.SqlTimes;
import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.shared.TextRules;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The allowed networks per scope (seed 003: no sending from outside the office). A scope with no
 * rules allows every address; a scope with rules allows only addresses inside one of them. A change
 * that would shut out the admin's own address in the scope they are using needs an explicit
 * confirmation; {@code hikyaku ip-rules clear} is the recovery when that went wrong.
 */
@Service
public class IpRuleService {

  /** How long another cluster node may act on rules it read before a change. */
  private static final Duration CACHE = Duration.ofSeconds(5);

  private final JdbcClient jdbc;
  private final Clock clock;
  private final CurrentActor actor;
  private volatile Snapshot snapshot;

  IpRuleService(JdbcClient jdbc, Clock clock, @Lazy CurrentActor actor) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.actor = actor;
  }

  public List<IpRule> all() {
    Snapshot s = snapshot;
    if (s == null || s.loadedAt().plus(CACHE).isBefore(clock.instant())) {
      s = new Snapshot(load(), clock.instant());
      snapshot = s;
    }
    return s.rules();
  }

  public List<IpRule> of(IpScope scope) {
    return all().stream().filter(r -> r.scope() == scope).toList();
  }

  /** Empty when {@code address} may act in {@code scope}; else the denial naming the rule. */
  public Optional<NetworkDenial> check(IpScope scope, InetAddress address) {
    List<IpRule> rules = of(scope);
    if (rules.isEmpty() || rules.stream().anyMatch(r -> r.cidr().contains(address))) {
      return Optional.empty();
    }
    return Optional.of(new NetworkDenial(scope, address.getHostAddress(), rules));
  }

  /**
   * Adds a rule. {@code requester} and {@code requesterScope} say where the admin is acting from;
   * if the new rule set would shut that address out of that scope, {@code confirmed} must be set.
   */
  @Transactional
  public IpRule add(
      IpScope scope,
      String cidrText,
      String labelText,
      boolean confirmed,
      InetAddress requester,
      IpScope requesterScope) {
    Cidr cidr = Cidr.parse(cidrText);
    String label = TextRules.requireLine("label", labelText, 64);
    // One read inside the transaction: the checks and the log entry see the same rules.
    List<IpRule> current = of(scope, true);
    if (current.stream().anyMatch(r -> r.cidr().equals(cidr))) {
      throw new InvalidInputException("cidr", "cidr-duplicate", cidr + " is already allowed");
    }
    Instant now = clock.instant();
    String by = actor.actor().label();
    var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
    var after = new java.util.ArrayList<>(current);
    after.add(new IpRule(0, scope, cidr, label, by, now));
    guardLockout(scope, after, confirmed, requester, requesterScope);
    jdbc.sql(
            "INSERT INTO ip_rule (scope, cidr, label, created_by, created_at)"
                + " VALUES (:s, :c, :l, :by, :at)")
        .param("s", scope.name())
        .param("c", cidr.toString())
        .param("l", label)
        .param("by", by)
        .param("at", now.atOffset(ZoneOffset.UTC))
        .update(keys, "id");
    snapshot = null;
    IpRule added = new IpRule(keys.getKeyAs(Number.class).longValue(), scope, cidr, label, by, now);
    after.set(after.size() - 1, added);
    actor.record("ip-rule.add", "ip-rule:" + scope.key(), describe(current), describe(after));
    return added;
  }

  @Transactional
  public void remove(long id, boolean confirmed, InetAddress requester, IpScope requesterScope) {
    List<IpRule> all = load();
    IpRule rule =
        all.stream()
            .filter(r -> r.id() == id)
            .findFirst()
            .orElseThrow(() -> new InvalidInputException("id", "no-such-rule", "no IP rule " + id));
    var after = all.stream().filter(r -> r.scope() == rule.scope() && r.id() != id).toList();
    guardLockout(rule.scope(), after, confirmed, requester, requesterScope);
    jdbc.sql("DELETE FROM ip_rule WHERE id = :id").param("id", id).update();
    snapshot = null;
    actor.record(
        "ip-rule.remove", "ip-rule:" + rule.scope().key(), rule.describe(), describe(after));
  }

  /** Removes every rule of {@code scope} (the CLI's recovery path); returns how many. */
  @Transactional
  public int clear(IpScope scope) {
    var before = of(scope, true);
    int n = jdbc.sql("DELETE FROM ip_rule WHERE scope = :s").param("s", scope.name()).update();
    snapshot = null;
    actor.record(
        "ip-rule.clear",
        "ip-rule:" + scope.key(),
        describe(before),
        "no rules: every address allowed");
    return n;
  }

  private void guardLockout(
      IpScope scope,
      List<IpRule> after,
      boolean confirmed,
      InetAddress requester,
      IpScope requesterScope) {
    if (confirmed || requester == null || scope != requesterScope || after.isEmpty()) {
      return;
    }
    if (after.stream().noneMatch(r -> r.cidr().contains(requester))) {
      throw new InvalidInputException(
          "confirmLockout",
          "lockout",
          "this change would block your own address "
              + requester.getHostAddress()
              + " from '"
              + scope.key()
              + "'; confirm to save it anyway (recovery: ./hikyaku ip-rules clear --scope "
              + scope.key()
              + ")");
    }
  }

  private List<IpRule> of(IpScope scope, boolean fresh) {
    return (fresh ? load() : all()).stream().filter(r -> r.scope() == scope).toList();
  }

  private static String describe(List<IpRule> rules) {
    return rules.isEmpty()
        ? "no rules"
        : String.join(", ", rules.stream().map(IpRule::describe).toList());
  }

  private List<IpRule> load() {
    return jdbc.sql("SELECT * FROM ip_rule ORDER BY scope, id")
        .query((rs, n) ->
            new IpRule(
                rs.getLong("id"),
                IpScope.valueOf(rs.getString("scope")),
                Cidr.parse(rs.getString("cidr")),
                rs.getString("label"),
                rs.getString("created_by"),
                SqlTimes.instant(rs, "created_at")))
        .list();
  }

  private record Snapshot(List<IpRule> rules, Instant loadedAt) {}
}
