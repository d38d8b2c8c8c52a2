package dev.hikyaku.delivery;

import dev.hikyaku.identity.CurrentActor;
import dev.hikyaku.platform.SqlTimes;
import dev.hikyaku.shared.InvalidInputException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The delivery engine's face to other modules and the console: start (now or after a cancel
 * window), pause, resume and cancel a send job, its progress, every attempt per recipient, the
 * capture mailbox, and the emergency stop of all sending.
 */
@Service
public class DeliveryService {

  private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

  private final JobRepository jobs;
  private final QueueRepository queue;
  private final DeliveryEngine engine;
  private final DeliveryProperties properties;
  private final JdbcClient jdbc;
  private final Clock clock;
  private final CurrentActor actor;
  private final HaltSwitch halts;

  /** The longest cancel window: a send held longer is a schedule, and belongs in one. */
  public static final Duration MAX_HOLD = Duration.ofDays(366);

  DeliveryService(
      JobRepository jobs,
      QueueRepository queue,
      DeliveryEngine engine,
      DeliveryProperties properties,
      JdbcClient jdbc,
      Clock clock,
      @Lazy CurrentActor actor,
      HaltSwitch halts) {
    this.halts = halts;
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
    return start(sourceKind, sourceId, Duration.ZERO);
  }

  /**
   * Starts a job whose expansion and sending begin only {@code hold} from now: until then a cancel
   * leaves nothing queued and nothing sent. Zero starts at once; negative or longer than {@link
   * #MAX_HOLD} is refused.
   */
  @Transactional
  public SendJob start(String sourceKind, long sourceId, Duration hold) {
    Objects.requireNonNull(hold, "hold");
    if (hold.isNegative() || hold.compareTo(MAX_HOLD) > 0) {
      throw new InvalidInputException(
          "hold",
          "hold-invalid",
          "the cancel window must be 0 to " + MAX_HOLD.toDays() + " days",
          MAX_HOLD.toDays());
    }
    jobs.latest(sourceKind, sourceId)
        .filter(SendJob::active)
        .ifPresent(j -> {
          throw new InvalidInputException(
              "id", "job-running", "a send of this " + sourceKind + " is already running");
        });
    Instant now = clock.instant();
    Instant notBefore = now.plus(hold);
    long id = jobs.insert(sourceKind, sourceId, actor.actor().label(), now, notBefore);
    actor.record(
        "send.start",
        sourceKind + ":" + sourceId,
        "",
        hold.isZero() ? "job " + id : "job " + id + "; sending begins at " + notBefore);
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

  /**
   * Pulls the emergency stop: within about a second no node expands or claims anything (campaigns
   * and test sends alike, on every route); messages claimed but not yet at a server go back to the
   * queue untried; a transaction under way finishes. Jobs keep their own state. Pulled already, it
   * stays as it was (the first actor, time and reason); every call is recorded. The reason is
   * cleaned and cut, never refused (see {@link Halt#reason(String)}).
   *
   * @return the halt in force afterwards
   */
  @Transactional
  public Halt haltAll(String reason) {
    for (int tries = 0; tries < 3; tries++) {
      Halt wanted = new Halt(actor.actor().label(), clock.instant(), reason);
      if (halts.engage(wanted)) {
        actor.record("delivery.halt", "delivery", "sending", "halted: " + wanted.reason());
        log.warn("emergency stop pulled by {}: {}", wanted.by(), wanted.reason());
        return wanted;
      }
      Optional<Halt> first = halts.read();
      if (first.isPresent()) {
        actor.record(
            "delivery.halt",
            "delivery",
            "halted since " + first.get().since() + " by " + first.get().by(),
            "already halted; kept: " + first.get().reason());
        return first.get();
      }
      // Resumed between the two statements: pull it again.
    }
    throw new IllegalStateException("the emergency stop changed under every attempt to pull it");
  }

  /**
   * Releases the emergency stop: nodes claim and expand again within about a second; paused and
   * cancelled jobs stay as they are. Recorded, also when nothing was halted.
   *
   * @return whether a halt was in force
   */
  @Transactional
  public boolean resumeAll() {
    Optional<Halt> lifted = halts.release();
    actor.record(
        "delivery.resume",
        "delivery",
        lifted
            .map(h -> "halted since " + h.since() + " by " + h.by() + ": " + h.reason())
            .orElse("sending (was not halted)"),
        "sending");
    lifted.ifPresent(h -> log.warn("emergency stop released (pulled by {})", h.by()));
    afterCommit(engine::wakeUp);
    return lifted.isPresent();
  }

  /** Runs {@code action} once the caller's transaction commits (at once without one). */
  private static void afterCommit(Runnable action) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      action.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            action.run();
          }
        });
  }

  /** The emergency stop in force, if any: who pulled it, when, and why. */
  public Optional<Halt> halt() {
    return halts.read();
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
