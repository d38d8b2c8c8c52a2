package dev.hikyaku.delivery.shaping;

import static dev.hikyaku.delivery.shaping.DestinationGateConcurrencyTests.granted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationGateRateTests {

  private static final Instant T0 = Instant.parse("2025-04-01T09:00:00Z");

  /** 60 a minute (one a second), 10 per connection, so a burst of 10; plenty of connections. */
  private static DestinationGate gate() {
    return new DestinationGate(
        ShapingPolicy.from(
            new ShapingSettings(
                null,
                null,
                Map.of("corp", new ShapingSettings.Group(List.of("corp.example"), 100, 60, 10)),
                null,
                null,
                null)));
  }

  @Test
  void aPermitShouldCarryNoMoreThanOneConnectionsWorth() {
    Permit p = granted(gate().tryAcquire("corp.example", 25, T0));

    assertThat(p.messages()).isEqualTo(10);
    assertThat(p.maxMessagesPerConnection()).isEqualTo(10);
  }

  @Test
  void aSpentBudgetShouldBeDeniedUntilTheNextTokenIsDue() {
    DestinationGate gate = gate();
    granted(gate.tryAcquire("corp.example", 10, T0));

    GateDecision next = gate.tryAcquire("corp.example", 1, T0.plusMillis(500));

    assertThat(next)
        .isEqualTo(new GateDecision.Denied(T0.plusSeconds(1), GateDecision.Reason.RATE));
    assertThat(granted(gate.tryAcquire("corp.example", 5, T0.plusSeconds(1))).messages())
        .isEqualTo(1);
  }

  @Test
  void thePermitShouldShrinkToWhatTheRateAllowsNow() {
    DestinationGate gate = gate();
    granted(gate.tryAcquire("corp.example", 10, T0));

    Permit p = granted(gate.tryAcquire("corp.example", 10, T0.plusSeconds(4)));

    assertThat(p.messages()).isEqualTo(4);
  }

  @Test
  void theSustainedRateShouldNotExceedTheLimitPerMinute() {
    DestinationGate gate = gate();
    int sent = 0;
    // Ask every 100 ms for ten minutes, releasing at once: only the rate limits.
    for (Instant t = T0; t.isBefore(T0.plus(Duration.ofMinutes(10))); t = t.plusMillis(100)) {
      if (gate.tryAcquire("corp.example", 10, t) instanceof GateDecision.Granted g) {
        sent += g.permit().messages();
        gate.release(g.permit());
      }
    }

    // The initial burst of 10 plus one a second.
    assertThat(sent).isEqualTo(10 + 600 - 1);
  }

  @Test
  void theBucketShouldRefillToTheBurstAfterAQuietMinuteButNotBeyond() {
    DestinationGate gate = gate();
    gate.release(granted(gate.tryAcquire("corp.example", 10, T0)));

    Permit p = granted(gate.tryAcquire("corp.example", 10, T0.plus(Duration.ofHours(5))));

    assertThat(p.messages()).isEqualTo(10);
  }

  @Test
  void aClockGoingBackShouldNotCreateBudget() {
    DestinationGate gate = gate();
    granted(gate.tryAcquire("corp.example", 10, T0));

    GateDecision earlier = gate.tryAcquire("corp.example", 1, T0.minusSeconds(30));

    assertThat(earlier).isInstanceOf(GateDecision.Denied.class);
  }

  @Test
  void domainsWithoutARateOfTheirOwnShouldOnlyBeLimitedPerConnection() {
    DestinationGate gate = new DestinationGate(ShapingPolicy.presets());

    for (int i = 0; i < 1000; i++) {
      Permit p = granted(gate.tryAcquire("example.org", 500, T0));
      assertThat(p.messages()).isEqualTo(ShapingPresets.DEFAULT.messagesPerConnection());
      gate.release(p);
    }
  }

  @Test
  void askingForNoMessagesShouldBeRefused() {
    assertThatThrownBy(() -> gate().tryAcquire("corp.example", 0, T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
