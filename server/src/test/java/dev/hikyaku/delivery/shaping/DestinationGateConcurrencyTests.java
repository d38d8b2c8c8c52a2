package dev.hikyaku.delivery.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DestinationGateConcurrencyTests {

  private static final Instant NOW = Instant.parse("2025-04-01T09:00:00Z");
  private static final int THREADS = 16;
  private static final int GRANTS_PER_THREAD = 200;

  @Test
  void concurrentHoldersShouldNeverExceedTheGroupsConnectionLimit() throws Exception {
    // No rate of its own, so only the connection limit can say no.
    ShapingPolicy policy =
        ShapingPolicy.from(
            new ShapingSettings(
                null,
                null,
                Map.of(
                    "corp", new ShapingSettings.Group(List.of("a.example", "b.example"), 3, 0, 10)),
                null,
                null,
                null));
    DestinationGate gate = new DestinationGate(policy);
    AtomicInteger holders = new AtomicInteger();
    AtomicInteger maxHolders = new AtomicInteger();
    AtomicInteger grants = new AtomicInteger();
    AtomicInteger busy = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    CountDownLatch done = new CountDownLatch(THREADS);
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < THREADS; t++) {
      String domain = t % 2 == 0 ? "a.example" : "B.EXAMPLE";
      threads.add(
          Thread.ofPlatform()
              .start(() -> {
                try {
                  start.await();
                  int mine = 0;
                  while (mine < GRANTS_PER_THREAD) {
                    switch (gate.tryAcquire(domain, 5, NOW)) {
                      case GateDecision.Granted g -> {
                        int now = holders.incrementAndGet();
                        maxHolders.accumulateAndGet(now, Math::max);
                        Thread.yield();
                        holders.decrementAndGet();
                        assertThat(gate.release(g.permit())).isTrue();
                        grants.incrementAndGet();
                        mine++;
                      }
                      case GateDecision.Denied d -> {
                        assertThat(d.reason()).isEqualTo(GateDecision.Reason.BUSY);
                        busy.incrementAndGet();
                        Thread.onSpinWait();
                      }
                    }
                  }
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                } finally {
                  done.countDown();
                }
              }));
    }

    start.countDown();

    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(grants.get()).isEqualTo(THREADS * GRANTS_PER_THREAD);
    assertThat(maxHolders.get()).isBetween(1, 3);
    assertThat(gate.openConnections("a.example")).isZero();
  }

  @Test
  void aDeniedBusyGroupShouldSayWhenToComeBackAndAReleaseShouldFreeASlot() {
    DestinationGate gate = new DestinationGate(ShapingPolicy.presets());
    Permit first = granted(gate.tryAcquire("ezweb.ne.jp", 1, NOW));
    granted(gate.tryAcquire("au.com", 1, NOW));

    GateDecision third = gate.tryAcquire("au.com", 1, NOW);

    assertThat(third)
        .isEqualTo(
            new GateDecision.Denied(NOW.plus(Duration.ofSeconds(5)), GateDecision.Reason.BUSY));
    assertThat(gate.release(first)).isTrue();
    assertThat(gate.release(first)).isFalse();
    assertThat(gate.tryAcquire("ezweb.ne.jp", 1, NOW)).isInstanceOf(GateDecision.Granted.class);
  }

  static Permit granted(GateDecision d) {
    assertThat(d).isInstanceOf(GateDecision.Granted.class);
    return ((GateDecision.Granted) d).permit();
  }
}
