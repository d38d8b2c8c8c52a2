package dev.hikyaku.delivery;

import dev.hikyaku.delivery.shaping.Admission;
import dev.hikyaku.delivery.shaping.DestinationGate;
import dev.hikyaku.delivery.shaping.Permit;
import dev.hikyaku.delivery.shaping.ShapingPolicy;
import dev.hikyaku.delivery.shaping.SmtpReplyCode;
import dev.hikyaku.platform.ClusterLease;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what is due: a dispatcher claims batches of queued messages for this node, groups them by
 * destination domain, and hands each group to a worker that renders every message and sends the
 * group over its route (one connection for the group where the route allows). Every message ends in
 * an outcome that is recorded with its attempt; a node that dies mid-way leaves claimed rows that
 * another node takes over after the claim timeout, so at most the messages in flight are sent
 * twice. While the emergency stop is pulled nothing is claimed, and claimed messages that have not
 * reached a server go back to the queue untried; a transaction under way finishes.
 */
@Component
class DeliveryEngine implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(DeliveryEngine.class);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {};
  private static final long IDLE_MILLIS = 500;

  private final QueueRepository queue;
  private final JobRepository jobs;
  private final Map<String, SendSource> sources;
  private final Routes routes;
  private final DeliveryProperties properties;
  private final ClusterLease lease;
  private final Clock clock;
  private final ApplicationEventPublisher events;
  private final OutcomeRecorder outcomes;
  private final RateLimiter rate;
  private final DestinationGate gate;
  private final HaltSwitch halt;
  private final Object signal = new Object();
  private volatile boolean running;
  private Thread dispatcher;
  private ExecutorService workers;
  private Semaphore slots;

  DeliveryEngine(
      QueueRepository queue,
      JobRepository jobs,
      List<SendSource> sources,
      Routes routes,
      DeliveryProperties properties,
      ClusterLease lease,
      Clock clock,
      ApplicationEventPublisher events,
      HaltSwitch halt) {
    this.queue = queue;
    this.halt = halt;
    this.jobs = jobs;
    this.sources =
        sources.stream().collect(Collectors.toMap(SendSource::kind, Function.identity()));
    this.routes = routes;
    this.properties = properties;
    this.lease = lease;
    this.clock = clock;
    this.events = events;
    this.outcomes = new OutcomeRecorder(queue, lease, clock, events, properties);
    this.rate = new RateLimiter(properties.globalRate());
    // A bad shaping configuration stops start-up here, not at the first message.
    this.gate = new DestinationGate(ShapingPolicy.from(properties.shaping()));
  }

  /** Something became due (a job started or resumed, sending resumed): stop idling. */
  void wakeUp() {
    synchronized (signal) {
      signal.notifyAll();
    }
  }

  /** A job completed or was cancelled. */
  void finished(long jobId) {
    jobs.find(jobId)
        .ifPresent(j ->
            events.publishEvent(
                new SendJobFinished(j.id(), j.sourceKind(), j.sourceId(), j.state())));
  }

  @Override
  public void start() {
    if (!properties.enabled()) {
      log.info("delivery is disabled on this node (hikyaku.delivery.enabled=false)");
      return;
    }
    int n = Math.max(1, properties.workers());
    slots = new Semaphore(n);
    workers =
        Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("hikyaku-delivery-", 0).factory());
    running = true;
    dispatcher = Thread.ofPlatform().daemon().name("hikyaku-dispatcher").start(this::dispatch);
  }

  @Override
  public void stop() {
    running = false;
    wakeUp();
    if (dispatcher != null) {
      dispatcher.interrupt();
    }
    if (workers != null) {
      workers.shutdown();
      try {
        workers.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void dispatch() {
    while (running) {
      try {
        if (halt.engaged()) {
          // Emergency stop: claim nothing; a resume on this node wakes the dispatcher up.
          idle();
          continue;
        }
        slots.acquire();
        List<QueueRepository.Claimed> claimed = claim();
        if (claimed.isEmpty()) {
          slots.release();
          idle();
          continue;
        }
        // Per-destination shaping: what a destination's connections, rate and back-off admit
        // goes now; the rest went back to the queue for later without counting an attempt.
        List<Shaped> admitted = shape(byDomain(claimed));
        if (admitted.isEmpty()) {
          slots.release();
          continue;
        }
        boolean first = true;
        for (Shaped group : admitted) {
          if (!first) {
            slots.acquire();
          }
          first = false;
          workers.submit(() -> {
            try {
              deliver(group.messages(), group.permit());
            } finally {
              group.permit().ifPresent(gate::release);
              slots.release();
            }
          });
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // The database went away or a bug: keep the engine alive, back off, try again.
        log.warn("delivery dispatcher: {}", e.toString());
        slots.release();
        idle();
      }
    }
  }

  private List<QueueRepository.Claimed> claim() {
    Instant now = clock.instant();
    return queue.claim(
        lease.node(),
        now,
        now.plus(properties.claimTimeout()),
        Math.max(1, properties.claimBatch()));
  }

  private void idle() {
    synchronized (signal) {
      try {
        signal.wait(IDLE_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static Map<String, List<QueueRepository.Claimed>> byDomain(
      List<QueueRepository.Claimed> claimed) {
    Map<String, List<QueueRepository.Claimed>> groups = new LinkedHashMap<>();
    for (QueueRepository.Claimed c : claimed) {
      groups.computeIfAbsent(c.domain(), d -> new ArrayList<>()).add(c);
    }
    return groups;
  }

  /** One domain's messages admitted to go now, with the permit that limits its connection. */
  private record Shaped(List<QueueRepository.Claimed> messages, Optional<Permit> permit) {}

  /**
   * Applies the destinations' shaping to claimed messages: what may go now, what goes back to the
   * queue for later (a busy, rate-limited or backing-off destination). The capture route is not
   * shaped: nothing leaves the machine.
   */
  private List<Shaped> shape(Map<String, List<QueueRepository.Claimed>> byDomain) {
    if (routes.transport() instanceof CaptureTransport) {
      return byDomain.values().stream().map(g -> new Shaped(g, Optional.<Permit>empty())).toList();
    }
    Instant now = clock.instant();
    Map<String, Integer> counts = new LinkedHashMap<>();
    byDomain.forEach((d, g) -> counts.put(d, g.size()));
    Admission admission = gate.admit(counts, now);
    List<Shaped> go = new ArrayList<>();
    for (Admission.Admitted a : admission.admitted()) {
      List<QueueRepository.Claimed> group = byDomain.get(a.domain());
      int n = Math.min(a.permit().messages(), group.size());
      go.add(new Shaped(group.subList(0, n), Optional.of(a.permit())));
      queue.requeue(ids(group.subList(n, group.size())), lease.node(), a.leftOverAt());
    }
    for (Admission.Waiting w : admission.waiting()) {
      queue.requeue(ids(byDomain.get(w.domain())), lease.node(), w.retryAt());
    }
    if (go.isEmpty()) {
      gate.forgetIdle(now);
    }
    return go;
  }

  private static List<Long> ids(List<QueueRepository.Claimed> claimed) {
    return claimed.stream().map(QueueRepository.Claimed::id).toList();
  }

  /** Renders and sends one domain's messages; records every outcome. */
  void deliver(List<QueueRepository.Claimed> group) {
    deliver(group, Optional.empty());
  }

  private void deliver(List<QueueRepository.Claimed> group, Optional<Permit> permit) {
    if (halt.engaged()) {
      handBack(group);
      return;
    }
    List<QueueRepository.Claimed> ready = new ArrayList<>();
    List<RenderedMessage> messages = new ArrayList<>();
    for (QueueRepository.Claimed c : group) {
      SendSource.Rendering rendering = render(c);
      switch (rendering) {
        case SendSource.Rendering.Ready r -> {
          ready.add(c);
          messages.add(r.message());
        }
        case SendSource.Rendering.Suppressed s ->
            queue.finish(
                c.id(), lease.node(), DeliveryState.SUPPRESSED, null, s.reason(), clock.instant());
        case SendSource.Rendering.Refused r ->
            outcomes.record(
                c,
                new Transport.Sent(
                    new DeliveryOutcome.Bounced(554, r.enhanced(), r.reason()),
                    "",
                    "",
                    Transport.Tls.NONE,
                    0),
                "render");
        case SendSource.Rendering.NotNow n ->
            outcomes.record(
                c,
                new Transport.Sent(
                    new DeliveryOutcome.Deferred(0, n.reason()), "", "", Transport.Tls.NONE, 0),
                "render");
      }
    }
    if (messages.isEmpty()) {
      return;
    }
    Transport transport = routes.transport();
    rate.acquire(messages.size());
    String domain = ready.get(0).domain();
    List<Transport.Sent> results = transport.send(domain, messages, halt::engaged);
    if (!results.isEmpty()) {
      permit.ifPresent(p -> report(domain, results));
    }
    for (int i = 0; i < results.size(); i++) {
      outcomes.record(ready.get(i), results.get(i), transport.route());
    }
    handBack(ready.subList(results.size(), ready.size()));
  }

  /**
   * Returns claimed messages the emergency stop kept from a server to the queue, due at once and
   * without counting an attempt: after the resume they go as if never claimed.
   */
  private void handBack(List<QueueRepository.Claimed> claimed) {
    queue.requeue(ids(claimed), lease.node(), clock.instant());
  }

  /**
   * Tells the shaping how the destination behaved: a delivery resets its back-off; a 421 or a
   * connection that could not be made (no reply code at all) backs its group off. A 4xx for one
   * recipient is that message's own retry, not the destination's.
   */
  private void report(String domain, List<Transport.Sent> results) {
    Instant now = clock.instant();
    boolean delivered =
        results.stream().anyMatch(r -> r.outcome() instanceof DeliveryOutcome.Delivered);
    if (delivered) {
      gate.reportSuccess(domain, now);
    } else if (results.stream()
        .anyMatch(r -> r.outcome() instanceof DeliveryOutcome.Deferred d && d.code() == 421)) {
      gate.reportTransientFailure(domain, new SmtpReplyCode(421), now);
    } else if (results.stream()
        .allMatch(r -> r.outcome() instanceof DeliveryOutcome.Deferred d && d.code() == 0)) {
      gate.reportConnectionFailure(domain, now);
    }
  }

  private SendSource.Rendering render(QueueRepository.Claimed c) {
    SendSource source = sources.get(c.sourceKind());
    if (source == null) {
      return new SendSource.Rendering.NotNow("no send source for " + c.sourceKind());
    }
    try {
      Map<String, String> fields = JSON.readValue(c.fields(), FIELDS);
      return source.render(
          c.sourceId(), new QueuedDelivery(c.id(), c.jobId(), c.recipient(), c.token(), fields));
    } catch (RuntimeException e) {
      log.warn("rendering delivery {} failed: {}", c.id(), e.toString());
      return new SendSource.Rendering.NotNow("cannot render: " + e.getMessage());
    }
  }
}
