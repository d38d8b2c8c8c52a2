package dev.hikyaku.platform;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Cluster-wide timers run under a database lease: of the nodes sharing one database, only the
 * holder of a named lease runs the job, and another node takes over when a holder stops renewing
 * (crashed or stopped) for the lease's duration.
 */
@Component
public class ClusterLease {

  private final JdbcClient jdbc;
  private final Clock clock;
  private final String node;

  ClusterLease(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.node =
        ManagementFactory.getRuntimeMXBean().getName() + "/" + Tokens.randomLowerAlphanumeric(6);
  }

  /** This process's name in leases and claims, unique per start. */
  public String node() {
    return node;
  }

  /** Takes or renews the lease {@code name} for {@code duration}; true if this node holds it. */
  public boolean acquire(String name, Duration duration) {
    Instant now = clock.instant();
    int renewed =
        jdbc.sql(
                "UPDATE cluster_lease SET holder = :me, expires_at = :until"
                    + " WHERE name = :n AND (holder = :me OR expires_at < :now)")
            .param("me", node)
            .param("until", SqlTimes.utc(now.plus(duration)))
            .param("n", name)
            .param("now", SqlTimes.utc(now))
            .update();
    if (renewed == 1) {
      return true;
    }
    try {
      jdbc.sql("INSERT INTO cluster_lease (name, holder, expires_at) VALUES (:n, :me, :until)")
          .param("n", name)
          .param("me", node)
          .param("until", SqlTimes.utc(now.plus(duration)))
          .update();
      return true;
    } catch (DuplicateKeyException held) {
      return false; // another node holds it and it has not expired
    }
  }
}
