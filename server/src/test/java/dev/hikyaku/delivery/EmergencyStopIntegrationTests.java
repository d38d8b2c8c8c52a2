package dev.hikyaku.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The emergency stop against real sends: 200 recipients relayed to a slow SMTP server on loopback
 * (see {@link SlowRelayContext}), the stop pulled mid-send, then released.
 */
class EmergencyStopIntegrationTests extends SlowRelayContext {

  @Autowired DeliveryService delivery;
  @Autowired DrillSource drill;

  @AfterEach
  void leaveSendingRunning() {
    delivery.resumeAll();
  }

  @Test
  void aHaltShouldStopTheServerReceivingWithinSecondsAndTheResumeDeliverEveryoneExactlyOnce()
      throws Exception {
    List<String> recipients = addresses("stop", 200);
    SendJob job = delivery.start(DrillSource.KIND, drill.list(recipients));
    assertThat(await(Duration.ofSeconds(20), () -> received("stop") >= 20))
        .as("the send got going")
        .isTrue();

    int beforeStop = received("stop");
    long pulled = System.nanoTime();
    Halt halt = delivery.haltAll("wrong list\r\nin flight");
    assertThat(halt.reason()).isEqualTo("wrong list in flight");
    long lastChange = awaitStable(Duration.ofSeconds(2), Duration.ofSeconds(10));
    assertThat(Duration.ofNanos(lastChange - pulled))
        .as("the server stopped receiving")
        .isLessThan(Duration.ofSeconds(2));
    int atStop = received("stop");
    // Each of the four connections finishes the transaction under way (and at most one it began
    // while the stop was being pulled, a few milliseconds): none goes on with its claimed batch.
    assertThat(atStop - beforeStop).as("messages taken after the stop").isLessThanOrEqualTo(8);

    // Every recipient is in a known state: delivered (once), or back in the queue untried.
    assertThat(await(Duration.ofSeconds(5), () -> count(job, DeliveryState.SENDING) == 0)).isTrue();
    JobProgress halted = delivery.progress(job.id());
    assertThat(halted.job().state()).isEqualTo(SendJob.State.RUNNING);
    assertThat(halted.total()).isEqualTo(200);
    assertThat(halted.count(DeliveryState.DELIVERED)).isEqualTo(atStop);
    assertThat(halted.count(DeliveryState.QUEUED)).isEqualTo(200 - atStop);
    assertThat(delivery.deliveries(job.id(), DeliveryState.QUEUED, 0, 500))
        .as("released without counting an attempt")
        .allSatisfy(r -> {
          assertThat(r.attempts()).isZero();
          assertThat(r.history()).isEmpty();
        });
    assertThat(delivery.halt()).contains(halt);

    assertThat(delivery.resumeAll()).isTrue();
    assertThat(delivery.halt()).isEmpty();
    assertThat(await(Duration.ofSeconds(60), () -> jobState(job) == SendJob.State.COMPLETED))
        .isTrue();
    assertThat(delivery.progress(job.id()).count(DeliveryState.DELIVERED)).isEqualTo(200);
    assertThat(SINK.received().stream().map(m -> m.recipients().get(0)))
        .filteredOn(r -> r.startsWith("stop"))
        .as("every recipient exactly once")
        .containsExactlyInAnyOrderElementsOf(recipients);
    assertThat(delivery.deliveries(job.id(), null, 0, 500))
        .allSatisfy(r -> assertThat(r.history()).singleElement());
  }

  @Test
  void whileHaltedNothingShouldBeExpandedOrSentAndJobsShouldKeepTheirOwnState() throws Exception {
    Halt first = delivery.haltAll("first");
    assertThat(delivery.haltAll("second")).isEqualTo(first);
    assertThat(delivery.halt()).hasValueSatisfying(h -> assertThat(h.reason()).isEqualTo("first"));

    SendJob paused = delivery.start(DrillSource.KIND, drill.list(addresses("kept", 10)));
    delivery.pause(paused.id());
    SendJob running = delivery.start(DrillSource.KIND, drill.list(addresses("held", 10)));
    Thread.sleep(2500); // longer than the expansion interval and the dispatcher's idle wait
    assertThat(delivery.progress(running.id()).total()).as("nothing expanded").isZero();
    assertThat(delivery.progress(paused.id()).total()).isZero();
    assertThat(received("held")).isZero();

    assertThat(delivery.resumeAll()).isTrue();
    assertThat(delivery.resumeAll()).as("idempotent").isFalse();
    assertThat(await(Duration.ofSeconds(30), () -> jobState(running) == SendJob.State.COMPLETED))
        .isTrue();
    assertThat(received("held")).isEqualTo(10);
    assertThat(await(Duration.ofSeconds(10), () -> delivery.progress(paused.id()).total() == 10))
        .isTrue();
    assertThat(delivery.job(paused.id()).state())
        .as("a paused job stays paused")
        .isEqualTo(SendJob.State.PAUSED);
    assertThat(received("kept")).isZero();
    delivery.cancel(paused.id());
  }

  private long count(SendJob job, DeliveryState state) {
    return delivery.progress(job.id()).count(state);
  }

  private SendJob.State jobState(SendJob job) {
    return delivery.job(job.id()).state();
  }

  /**
   * Waits until the server's count has not changed for {@code quiet}; returns when it last changed
   * (System.nanoTime). Fails after {@code limit}.
   */
  private static long awaitStable(Duration quiet, Duration limit) throws InterruptedException {
    long start = System.nanoTime();
    int last = SINK.received().size();
    long changed = start;
    while (System.nanoTime() - changed < quiet.toNanos()) {
      if (System.nanoTime() - start > limit.toNanos()) {
        throw new AssertionError("the server kept receiving for " + limit);
      }
      Thread.sleep(20);
      int now = SINK.received().size();
      if (now != last) {
        last = now;
        changed = System.nanoTime();
      }
    }
    return changed;
  }
}
