package dev.hikyaku.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The dispatcher applies per-destination shaping on a real send: a destination limited to one
 * connection and 3 messages a minute gets 3 at once, and the rest wait in the queue without an
 * attempt counted (see {@link SlowRelayContext} for the group's settings).
 */
class ShapingIntegrationTests extends SlowRelayContext {

  @Autowired DeliveryService delivery;
  @Autowired DrillSource drill;
  @Autowired JdbcClient jdbc;

  @Test
  void aRateLimitedDestinationShouldGetNoMoreThanItsRateAndTheRestWaitUncounted() throws Exception {
    List<String> recipients =
        IntStream.rangeClosed(1, 8).mapToObj(i -> "shape" + i + "@" + SHAPED_DOMAIN).toList();
    SendJob job = delivery.start(DrillSource.KIND, drill.list(recipients));
    assertThat(await(Duration.ofSeconds(15), () -> received("shape") >= 3))
        .as("the first three went")
        .isTrue();
    Thread.sleep(3_000); // well inside the 20 s the bucket needs for a fourth token
    assertThat(received("shape")).isEqualTo(3);

    JobProgress p = delivery.progress(job.id());
    assertThat(p.count(DeliveryState.DELIVERED)).isEqualTo(3);
    assertThat(p.count(DeliveryState.QUEUED)).isEqualTo(5);
    List<java.util.Map<String, Object>> waiting =
        jdbc.sql(
                "SELECT attempts, next_attempt_at FROM delivery WHERE job_id = :j"
                    + " AND state = 'QUEUED'")
            .param("j", job.id())
            .query()
            .listOfRows();
    assertThat(waiting)
        .as("waiting for the destination, not failed: %s", waiting)
        .hasSize(5)
        .allSatisfy(row -> assertThat(((Number) row.get("attempts")).intValue()).isZero());
    delivery.cancel(job.id());
  }
}
