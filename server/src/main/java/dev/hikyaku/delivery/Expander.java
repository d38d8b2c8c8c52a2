package dev.hikyaku.delivery;

import dev.hikyaku.platform.ClusterLease;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Expands running jobs into the queue, one batch of recipients per transaction: the batch's rows
 * and the moved cursor commit together, so a crash repeats no recipient and skips none, and a list
 * of any size never sits in memory. Runs on one node at a time, under a database lease. A job's
 * expansion begins once its cancel window is over; nothing is expanded while the emergency stop is
 * pulled.
 */
@Component
class Expander {

  static final int BATCH = 1000;
  private static final int BATCHES_PER_RUN = 50;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final JobRepository jobs;
  private final Map<String, SendSource> sources;
  private final ClusterLease lease;
  private final TransactionTemplate tx;
  private final Clock clock;
  private final DeliveryEngine engine;
  private final DeliveryProperties properties;
  private final HaltSwitch halt;

  Expander(
      JobRepository jobs,
      List<SendSource> sources,
      ClusterLease lease,
      TransactionTemplate tx,
      Clock clock,
      DeliveryEngine engine,
      DeliveryProperties properties,
      HaltSwitch halt) {
    this.properties = properties;
    this.halt = halt;
    this.jobs = jobs;
    this.sources =
        sources.stream().collect(Collectors.toMap(SendSource::kind, Function.identity()));
    this.lease = lease;
    this.tx = tx;
    this.clock = clock;
    this.engine = engine;
  }

  @Scheduled(fixedDelayString = "${hikyaku.delivery.expansion-interval:1s}")
  void run() {
    if (!properties.enabled() || !lease.acquire("delivery.expansion", Duration.ofSeconds(60))) {
      return;
    }
    expansion:
    for (SendJob job : jobs.expanding(clock.instant())) {
      for (int i = 0; i < BATCHES_PER_RUN; i++) {
        if (halt.engaged()) {
          break expansion;
        }
        Boolean more = tx.execute(status -> step(job));
        engine.wakeUp();
        if (!Boolean.TRUE.equals(more)) {
          break;
        }
      }
    }
    jobs.completeFinished(clock.instant()).forEach(engine::finished);
  }

  /** Expands one batch of {@code job}; false when the job is fully expanded (or gone). */
  boolean step(SendJob job) {
    Long cursor = jobs.lockCursor(job.id()).orElse(null);
    if (cursor == null) {
      return false;
    }
    SendSource source = sources.get(job.sourceKind());
    if (source == null) {
      throw new IllegalStateException("no send source for kind " + job.sourceKind());
    }
    List<Recipient> batch = source.recipients(job.sourceId(), cursor, BATCH);
    if (batch.isEmpty()) {
      jobs.expansionDone(job.id(), clock.instant());
      return false;
    }
    String[] fields = new String[batch.size()];
    for (int i = 0; i < fields.length; i++) {
      fields[i] = JSON.writeValueAsString(batch.get(i).fields());
    }
    jobs.enqueue(job.id(), batch, fields, clock.instant());
    return true;
  }
}
