package dev.hikyaku.delivery.shaping;

import static dev.hikyaku.delivery.shaping.DestinationGateConcurrencyTests.granted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DestinationGateBackOffTests {

  private static final Instant T0 = Instant.parse("2025-04-01T09:00:00Z");
  private static final SmtpReplyCode R421 = SmtpReplyCode.SERVICE_NOT_AVAILABLE;

  private final DestinationGate gate = new DestinationGate(ShapingPolicy.presets());

  @Test
  void a421ShouldKeepTheGroupAwayForTheFirstWindow() {
    gate.reportTransientFailure("docomo.ne.jp", R421, T0);

    assertThat(gate.tryAcquire("docomo.ne.jp", 1, T0.plusSeconds(59)))
        .isEqualTo(new GateDecision.Denied(T0.plusSeconds(60), GateDecision.Reason.BACKING_OFF));
    assertThat(gate.tryAcquire("docomo.ne.jp", 1, T0.plusSeconds(60)))
        .isInstanceOf(GateDecision.Granted.class);
  }

  @Test
  void failuresInARowShouldDoubleTheWindowUpToThirtyMinutes() {
    Instant t = T0;
    for (long minutes : new long[] {1, 2, 4, 8, 16, 30, 30}) {
      gate.reportTransientFailure("ezweb.ne.jp", new SmtpReplyCode(451), t);
      Instant until = t.plus(Duration.ofMinutes(minutes));
      assertThat(gate.tryAcquire("au.com", 1, t))
          .as("after a failure with a %d minute window", minutes)
          .isEqualTo(new GateDecision.Denied(until, GateDecision.Reason.BACKING_OFF));
      t = until;
    }
  }

  @Test
  void aSuccessShouldResetTheWindowToTheFirst() {
    gate.reportTransientFailure("gmail.com", R421, T0);
    gate.reportTransientFailure("gmail.com", R421, T0.plusSeconds(60));
    Instant later = T0.plusSeconds(180);
    gate.release(granted(gate.tryAcquire("gmail.com", 1, later)));
    gate.reportSuccess("googlemail.com", later);

    gate.reportTransientFailure("gmail.com", R421, later);

    assertThat(gate.tryAcquire("gmail.com", 1, later))
        .isEqualTo(new GateDecision.Denied(later.plusSeconds(60), GateDecision.Reason.BACKING_OFF));
  }

  @Test
  void failuresDuringARunningBackOffShouldNotLengthenIt() {
    // Three connections in flight all get the 421: one failure, not three.
    gate.reportTransientFailure("yahoo.com", R421, T0);
    gate.reportTransientFailure("yahoo.com", R421, T0.plusSeconds(1));
    gate.reportTransientFailure("aol.com", R421, T0.plusSeconds(2));

    assertThat(gate.tryAcquire("yahoo.com", 1, T0.plusSeconds(3)))
        .isEqualTo(new GateDecision.Denied(T0.plusSeconds(60), GateDecision.Reason.BACKING_OFF));
  }

  @Test
  void a421ShouldOnlyAffectItsOwnGroup() {
    gate.reportTransientFailure("docomo.ne.jp", R421, T0);

    assertThat(gate.tryAcquire("au.com", 1, T0)).isInstanceOf(GateDecision.Granted.class);
    assertThat(gate.tryAcquire("softbank.ne.jp", 1, T0)).isInstanceOf(GateDecision.Granted.class);
    assertThat(gate.tryAcquire("example.jp", 1, T0)).isInstanceOf(GateDecision.Granted.class);
  }

  @Test
  void aFailureOfOneDefaultDomainShouldNotAffectAnother() {
    gate.reportConnectionFailure("blocked.example", T0);

    assertThat(gate.tryAcquire("blocked.example", 1, T0)).isInstanceOf(GateDecision.Denied.class);
    assertThat(gate.tryAcquire("fine.example", 1, T0)).isInstanceOf(GateDecision.Granted.class);
  }

  @Test
  void onlyTransientRepliesShouldCountAsTransientFailures() {
    assertThatThrownBy(() -> gate.reportTransientFailure("gmail.com", new SmtpReplyCode(550), T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new SmtpReplyCode(42)).isInstanceOf(IllegalArgumentException.class);
    assertThat(gate.tryAcquire("gmail.com", 1, T0)).isInstanceOf(GateDecision.Granted.class);
  }

  @Test
  void aBackedOffGroupShouldBeRememberedAndAnIdleOneForgotten() {
    gate.reportTransientFailure("docomo.ne.jp", R421, T0);
    gate.release(granted(gate.tryAcquire("example.jp", 1, T0)));

    assertThat(gate.forgetIdle(T0)).isEqualTo(1);
    assertThat(gate.tryAcquire("docomo.ne.jp", 1, T0)).isInstanceOf(GateDecision.Denied.class);
  }
}
