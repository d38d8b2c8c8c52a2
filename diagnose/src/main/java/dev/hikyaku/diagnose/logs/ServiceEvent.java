package dev.hikyaku.diagnose.logs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SequencedMap;

/** A daemon's own housekeeping: start and stop, statistics, cache cleanups, bulk queue changes. */
public sealed interface ServiceEvent extends PostfixEvent
    permits ServiceEvent.MasterStatus,
        ServiceEvent.AnvilStatistic,
        ServiceEvent.CacheStatistic,
        ServiceEvent.CacheCleanup,
        ServiceEvent.BulkQueueAction {

  /**
   * master: {@code daemon started -- version 3.8.1, configuration /etc/postfix}, {@code reload --
   * ...}, {@code terminating on signal 15}.
   *
   * @param kind what happened
   * @param version the Postfix version, when started or reloaded
   * @param configuration the configuration directory, when started or reloaded
   * @param signal the signal, when terminating
   */
  record MasterStatus(
      Kind kind, Optional<String> version, Optional<String> configuration, OptionalInt signal)
      implements ServiceEvent {
    public MasterStatus {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(configuration, "configuration");
      Objects.requireNonNull(signal, "signal");
    }

    /** What the master daemon did. */
    public enum Kind {
      STARTED,
      RELOADED,
      TERMINATING
    }
  }

  /**
   * anvil's peak figures: {@code statistics: max connection rate 1/60s for (smtpd:192.0.2.1) at Oct
   * 26 18:13:50}.
   *
   * @param metric what was measured: {@code cache size}, {@code connection count}, {@code
   *     connection rate}, {@code message rate}, ...
   * @param value the peak
   * @param period the period of a rate ({@code 60s})
   * @param service the service the client used ({@code smtpd}, or an inet service like {@code
   *     127.0.0.1:2525})
   * @param client the client address, or {@code unknown}
   * @param at when the peak happened, as logged (without a year)
   */
  record AnvilStatistic(
      String metric,
      long value,
      Optional<String> period,
      Optional<String> service,
      Optional<String> client,
      String at)
      implements ServiceEvent {
    public AnvilStatistic {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(period, "period");
      Objects.requireNonNull(service, "service");
      Objects.requireNonNull(client, "client");
      Objects.requireNonNull(at, "at");
    }
  }

  /**
   * scache's connection cache statistics: {@code statistics: domain lookup hits=0 miss=1
   * success=0%}, {@code statistics: start interval Dec 6 21:20:35}.
   *
   * @param subject what the figures are about ({@code domain lookup}, {@code max simultaneous})
   * @param counters the figures by name
   * @param since the start of the interval, as logged
   */
  record CacheStatistic(String subject, SequencedMap<String, Long> counters, Optional<String> since)
      implements ServiceEvent {
    public CacheStatistic {
      Objects.requireNonNull(subject, "subject");
      counters = Collections.unmodifiableSequencedMap(new LinkedHashMap<>(counters));
      Objects.requireNonNull(since, "since");
    }
  }

  /**
   * postscreen or verify cleaned its cache: {@code cache btree:/var/lib/postfix/postscreen_cache
   * full cleanup: retained=242 dropped=7 entries}.
   *
   * @param cache the cache table
   * @param full whether it was a full cleanup (not a partial one)
   * @param retained entries kept
   * @param dropped entries removed
   */
  record CacheCleanup(String cache, boolean full, long retained, long dropped)
      implements ServiceEvent {
    public CacheCleanup {
      Objects.requireNonNull(cache, "cache");
    }
  }

  /**
   * postsuper's summary of a bulk change: {@code Deleted: 115 messages}, {@code Requeued: 1
   * message}, {@code Placed on hold: 67 messages}.
   *
   * @param action the action, as logged
   * @param count how many messages
   */
  record BulkQueueAction(String action, long count) implements ServiceEvent {
    public BulkQueueAction {
      Objects.requireNonNull(action, "action");
      if (count < 0) {
        throw new IllegalArgumentException("count cannot be negative");
      }
    }
  }
}
