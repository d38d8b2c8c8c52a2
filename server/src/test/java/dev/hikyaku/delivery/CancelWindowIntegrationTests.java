package dev.hikyaku.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.shared.InvalidInputException;
import dev.hikyaku.test.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A send started with a hold: nothing of it is queued or sent before the hold is over, so a cancel
 * inside the window leaves no trace in the queue; after it, the send goes as any other.
 */
class CancelWindowIntegrationTests extends SlowRelayContext {

  @Autowired DeliveryService delivery;
  @Autowired DrillSource drill;
  @Autowired MutableClock clock;
  @Autowired JdbcClient jdbc;

  @Test
  void aCancelInsideTheWindowShouldLeaveNothingQueuedAndNothingSent() throws Exception {
    Instant now = clock.instant();
    SendJob job =
        delivery.start(
            DrillSource.KIND, drill.list(addresses("window", 5)), Duration.ofMinutes(10));
    assertThat(job.notBefore()).isEqualTo(now.plus(Duration.ofMinutes(10)));
    assertThat(job.inCancelWindow(now)).isTrue();
    assertThat(delivery.progress(job.id()).notBefore()).isEqualTo(job.notBefore());

    Thread.sleep(2500); // longer than the expansion interval and the dispatcher's idle wait
    assertThat(rows(job)).as("nothing queued inside the window").isZero();
    SendJob cancelled = delivery.cancel(job.id());
    assertThat(cancelled.state()).isEqualTo(SendJob.State.CANCELLED);
    assertThat(cancelled.inCancelWindow(now)).isFalse();

    clock.advance(Duration.ofMinutes(11));
    Thread.sleep(2500);
    assertThat(rows(job)).as("nothing queued after the window either").isZero();
    assertThat(delivery.progress(job.id()).total()).isZero();
    assertThat(received("window")).isZero();
  }

  @Test
  void aSendShouldBeginOnceItsWindowIsOver() throws Exception {
    SendJob job =
        delivery.start(DrillSource.KIND, drill.list(addresses("later", 5)), Duration.ofMinutes(5));
    Thread.sleep(2500);
    assertThat(rows(job)).isZero();
    assertThat(received("later")).isZero();

    clock.advance(Duration.ofMinutes(5));
    assertThat(
            await(
                Duration.ofSeconds(30),
                () -> delivery.job(job.id()).state() == SendJob.State.COMPLETED))
        .isTrue();
    assertThat(delivery.progress(job.id()).count(DeliveryState.DELIVERED)).isEqualTo(5);
    assertThat(received("later")).isEqualTo(5);
  }

  @Test
  void aSendWithoutAHoldShouldBeginAtOnce() {
    Instant now = clock.instant();
    SendJob job = delivery.start(DrillSource.KIND, drill.list(addresses("atonce", 1)));
    assertThat(job.notBefore()).isEqualTo(now);
    assertThat(job.inCancelWindow(now)).isFalse();
  }

  @Test
  void aNegativeOrOverlongHoldShouldBeRefusedAndNothingStarted() {
    long source = drill.list(addresses("refused", 1));
    for (Duration bad : new Duration[] {Duration.ofSeconds(-1), Duration.ofDays(367)}) {
      assertThatThrownBy(() -> delivery.start(DrillSource.KIND, source, bad))
          .isInstanceOf(InvalidInputException.class)
          .extracting(e -> ((InvalidInputException) e).code())
          .isEqualTo("hold-invalid");
    }
    assertThat(delivery.latestJob(DrillSource.KIND, source)).isEmpty();
  }

  private long rows(SendJob job) {
    return jdbc.sql("SELECT COUNT(*) FROM delivery WHERE job_id = :j")
        .param("j", job.id())
        .query(Long.class)
        .single();
  }
}
