package dev.hikyaku.delivery;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.platform.SqlTimes;
import dev.hikyaku.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The delivery engine's face to other modules and the console: start, pause, resume and cancel a
 * send job, its progress, every attempt per recipient, and the capture mailbox.
 */
@Service
public class DeliveryService {

  private final JobRepository jobs;
  private final QueueRepository queue;
  private final DeliveryEngine engine;
  private final DeliveryProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final CurrentActor actor;

  DeliveryService(
      JobRepository jobs,
      QueueRepository queue,
      DeliveryEngine engine,
      DeliveryProperties properties,
      JdbcClient jdbc,
      Clock clock,
      @Lazy CurrentActor actor) {
    this.jobs = jobs;
    this.queue = queue;
    this.engine = engine;
    this.properties = properties;
    this.jdbc = jdbc;
    this.clock = clock;
    this.actor = actor;
  }

  /** The configured route. */
  public DeliveryProperties.Mode mode() {
    return properties.mode();
  }

  /**
   * Starts a job for a source, in the caller's transaction: once it commits, the job is durable and
   * its recipients are expanded into the queue in batches.
   */
  @Transactional
  public SendJob start(String sourceKind, long sourceId) {
    jobs.latest(sourceKind, sourceId)
        .filter(SendJob::active)
        .ifPresent(j -> {
          throw new InvalidInputException(
              "id", "job-running", "a send of this " + sourceKind + " is already running");
        });
    long id = jobs.insert(sourceKind, sourceId, actor.actor().label(), clock.instant());
    actor.record("send.start", sourceKind + ":" + sourceId, "", "job " + id);
    engine.wakeUp();
    return jobs.find(id).orElseThrow();
  }

  public Optional<SendJob> latestJob(String sourceKind, long sourceId) {
    return jobs.latest(sourceKind, sourceId);
  }

  public SendJob job(long id) {
    return jobs.find(id)
        .orElseThrow(() -> new InvalidInputException("id", "no-such-job", "no send job " + id));
  }

  @Transactional
  public SendJob pause(long jobId) {
    return move(jobId, SendJob.State.RUNNING, SendJob.State.PAUSED, "send.pause");
  }

  @Transactional
  public SendJob resume(long jobId) {
    SendJob j = move(jobId, SendJob.State.PAUSED, SendJob.State.RUNNING, "send.resume");
    engine.wakeUp();
    return j;
  }

  /** Cancels a running or paused job: nothing more is sent; messages in flight finish. */
  @Transactional
  public SendJob cancel(long jobId) {
    SendJob job = job(jobId);
    if (!job.active()
        || !jobs.transition(jobId, job.state(), SendJob.State.CANCELLED, clock.instant())) {
      throw new InvalidInputException(
          "id",
          "job-not-active",
          "the send is " + job.state().name().toLowerCase(java.util.Locale.ROOT),
          job.state());
    }
    int cancelled = jobs.cancelPending(jobId, clock.instant());
    actor.record(
        "send.cancel",
        job.sourceKind() + ":" + job.sourceId(),
        job.state().name(),
        "cancelled; " + cancelled + " messages not sent");
    engine.finished(jobId);
    return job(jobId);
  }

  public JobProgress progress(long jobId) {
    SendJob job = job(jobId);
    Map<DeliveryState, Long> counts = jobs.counts(jobId);
    Instant now = clock.instant();
    long perMinute = jobs.finishedSince(jobId, now.minusSeconds(60));
    long pending =
        counts.get(DeliveryState.QUEUED)
            + counts.get(DeliveryState.SENDING)
            + counts.get(DeliveryState.DEFERRED);
    Optional<Duration> eta =
        perMinute == 0 || pending == 0
            ? Optional.empty()
            : Optional.of(Duration.ofSeconds(pending * 60 / perMinute));
    return new JobProgress(job, counts, perMinute, eta);
  }

  /** A page of a job's messages, optionally in one state. */
  public List<DeliveryRecord> deliveries(long jobId, DeliveryState state, long afterId, int limit) {
    return queue.ofJob(jobId, state, afterId, Math.max(1, Math.min(limit, 500)));
  }

  /** Every message to {@code recipient} and each attempt: seed 000's "it didn't arrive". */
  public List<DeliveryRecord> forRecipient(String recipient) {
    return queue.byRecipient(recipient == null ? "" : recipient.strip(), 50);
  }

  /** The delivery a VERP or unsubscribe token names. */
  public Optional<DeliveryRecord> byToken(String token) {
    return token == null || !token.matches("[a-z0-9]{26}")
        ? Optional.empty()
        : queue.byToken(token);
  }

  /** The newest messages of the capture mailbox. */
  public List<CapturedMessage> captured(long beforeId, int limit) {
    return jdbc.sql(
            "SELECT id, envelope_from, recipient, subject, OCTET_LENGTH(content) AS size,"
                + " captured_at FROM captured_message WHERE id < :before ORDER BY id DESC"
                + " FETCH FIRST :lim ROWS ONLY")
        .param("before", beforeId <= 0 ? Long.MAX_VALUE : beforeId)
        .param("lim", Math.max(1, Math.min(limit, 500)))
        .query((rs, row) ->
            new CapturedMessage(
                rs.getLong("id"),
                rs.getString("envelope_from"),
                rs.getString("recipient"),
                rs.getString("subject"),
                rs.getInt("size"),
                SqlTimes.instant(rs, "captured_at")))
        .list();
  }

  /** The raw bytes of one captured message. */
  public Optional<byte[]> capturedContent(long id) {
    return jdbc.sql("SELECT content FROM captured_message WHERE id = :id")
        .param("id", id)
        .query((rs, row) -> rs.getBytes("content"))
        .optional();
  }

  private SendJob move(long jobId, SendJob.State from, SendJob.State to, String action) {
    SendJob job = job(jobId);
    if (!jobs.transition(jobId, from, to, clock.instant())) {
      throw new InvalidInputException(
          "id",
          "job-not-" + from.name().toLowerCase(java.util.Locale.ROOT),
          "the send is " + job.state().name().toLowerCase(java.util.Locale.ROOT),
          job.state());
    }
    actor.record(action, job.sourceKind() + ":" + job.sourceId(), from.name(), to.name());
    return job(jobId);
  }
}
