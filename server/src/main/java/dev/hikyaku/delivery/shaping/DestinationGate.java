package dev.hikyaku.delivery.shaping;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Admits connections to destination groups within their limits: open connections, messages per
 * minute (a token bucket, see {@link TokenBucket}), and a back-off after transient failures.
 * Thread-safe; every call is atomic per group, and groups do not wait for each other. Time is
 * always the caller's {@code now}, so the gate never reads a clock or sleeps.
 */
public final class DestinationGate {

  private final ShapingPolicy policy;
  private final ConcurrentHashMap<ShapingGroup, GroupState> states = new ConcurrentHashMap<>();
  private final AtomicLong serials = new AtomicLong();

  /** A gate enforcing {@code policy}. */
  public DestinationGate(ShapingPolicy policy) {
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** The policy this gate enforces. */
  public ShapingPolicy policy() {
    return policy;
  }

  /**
   * Asks to open one connection to {@code domain}'s group and send up to {@code messages} over it.
   * Checked in order: the group's back-off, its open connections, its rate.
   *
   * @param domain the recipient domain
   * @param messages how many messages are waiting for it, at least 1
   * @param now the current time
   * @return a permit for at least one message, or when to come back
   * @throws IllegalArgumentException if the domain is blank or {@code messages} is below 1
   */
  public GateDecision tryAcquire(String domain, int messages, Instant now) {
    if (messages < 1) {
      throw new IllegalArgumentException("ask for at least one message: " + messages);
    }
    Objects.requireNonNull(now, "now");
    String d = ShapingPolicy.normalise(domain);
    ShapingGroup group = policy.resolve(d);
    GateDecision[] decision = new GateDecision[1];
    states.compute(
        group,
        (g, s) -> {
          GroupState state = s != null ? s : new GroupState(g, now);
          decision[0] =
              state.acquire(g, d, messages, now, serials.incrementAndGet(), policy.busyRetry());
          return state;
        });
    return decision[0];
  }

  /**
   * Hands a permit back once its connection is closed.
   *
   * @return false if it was released before (nothing changes)
   */
  public boolean release(Permit permit) {
    boolean[] released = new boolean[1];
    states.computeIfPresent(
        permit.group(),
        (g, s) -> {
          released[0] = s.release(permit.serial());
          return s;
        });
    return released[0];
  }

  /**
   * The destination answered with a transient failure (RFC 5321 §4.2.1, 4yz): above all 421, which
   * carriers and large providers use to say "too much, too fast" (RFC 5321 §3.8). Its group is left
   * alone for the next back-off window, doubled for each failure in a row. Report failures of the
   * session (greeting, MAIL, DATA), not a single mailbox's 4xx to RCPT such as 452 mailbox full.
   *
   * @throws IllegalArgumentException if the code is not a 4yz
   */
  public void reportTransientFailure(String domain, SmtpReplyCode code, Instant now) {
    if (!code.isTransient()) {
      throw new IllegalArgumentException("not a transient (4yz) reply: " + code);
    }
    reportConnectionFailure(domain, now);
  }

  /**
   * No connection could be made, or it broke off, without a reply: treated like a 421, because
   * carriers that block a sender often just refuse or drop its connections.
   */
  public void reportConnectionFailure(String domain, Instant now) {
    Objects.requireNonNull(now, "now");
    states.compute(
        policy.resolve(domain),
        (g, s) -> {
          GroupState state = s != null ? s : new GroupState(g, now);
          state.failure(now, policy.backOff());
          return state;
        });
  }

  /** A message to {@code domain} was accepted: its group's next failure starts a short back-off. */
  public void reportSuccess(String domain, Instant now) {
    Objects.requireNonNull(now, "now");
    states.computeIfPresent(
        policy.resolve(domain),
        (g, s) -> {
          s.success();
          return s;
        });
  }

  /**
   * Decides for one claimed batch which domains may start now: each domain asks for one permit
   * covering as many of its messages as the group allows on one connection.
   *
   * @param messagesByDomain how many claimed messages each domain has, each at least 1; the order
   *     is the order of asking, which matters when domains share a group
   * @param now the current time
   */
  public Admission admit(Map<String, Integer> messagesByDomain, Instant now) {
    List<Admission.Admitted> admitted = new ArrayList<>();
    List<Admission.Waiting> waiting = new ArrayList<>();
    for (var e : messagesByDomain.entrySet()) {
      int messages = Objects.requireNonNull(e.getValue(), "message count of " + e.getKey());
      switch (tryAcquire(e.getKey(), messages, now)) {
        case GateDecision.Granted g -> {
          int leftOver = messages - g.permit().messages();
          Instant at = leftOver == 0 ? now : availableAt(g.permit().group(), now);
          admitted.add(new Admission.Admitted(e.getKey(), g.permit(), leftOver, at));
        }
        case GateDecision.Denied d ->
            waiting.add(new Admission.Waiting(e.getKey(), messages, d.retryAt(), d.reason()));
      }
    }
    return new Admission(admitted, waiting);
  }

  /** How many connections to {@code domain}'s group are open (permits not yet released). */
  public int openConnections(String domain) {
    int[] n = new int[1];
    states.computeIfPresent(
        policy.resolve(domain),
        (g, state) -> {
          n[0] = state.openConnections();
          return state;
        });
    return n[0];
  }

  /**
   * Drops the state of groups a fresh state would replace exactly (nothing open, no failures, full
   * rate budget), so the domains under the default rule do not pile up. Call it now and then, e.g.
   * when the dispatcher idles.
   *
   * @return how many groups are still tracked
   */
  public int forgetIdle(Instant now) {
    for (ShapingGroup g : List.copyOf(states.keySet())) {
      states.computeIfPresent(g, (k, s) -> s.idle(now) ? null : s);
    }
    return states.size();
  }

  private Instant availableAt(ShapingGroup group, Instant now) {
    Instant[] at = {now};
    states.computeIfPresent(
        group,
        (g, s) -> {
          at[0] = s.availableAt(now, policy.busyRetry());
          return s;
        });
    return at[0];
  }
}
