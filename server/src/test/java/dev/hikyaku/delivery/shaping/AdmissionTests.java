package dev.hikyaku.delivery.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AdmissionTests {

  private static final Instant T0 = Instant.parse("2025-04-01T09:00:00Z");

  private final DestinationGate gate = new DestinationGate(ShapingPolicy.presets());

  @Test
  void aBatchShouldBeSplitIntoDomainsToStartAndDomainsToPutBack() {
    gate.reportTransientFailure("docomo.ne.jp", SmtpReplyCode.SERVICE_NOT_AVAILABLE, T0);
    Map<String, Integer> batch = new LinkedHashMap<>();
    batch.put("docomo.ne.jp", 3);
    batch.put("example.jp", 2);

    Admission a = gate.admit(batch, T0.plusSeconds(10));

    assertThat(a.admitted())
        .singleElement()
        .satisfies(x -> {
          assertThat(x.domain()).isEqualTo("example.jp");
          assertThat(x.permit().messages()).isEqualTo(2);
          assertThat(x.leftOver()).isZero();
        });
    assertThat(a.waiting())
        .containsExactly(
            new Admission.Waiting(
                "docomo.ne.jp", 3, T0.plusSeconds(60), GateDecision.Reason.BACKING_OFF));
    assertThat(a.earliestRetry()).contains(T0.plusSeconds(60));
  }

  @Test
  void messagesBeyondOnePermitShouldBeLeftOverWithTheTimeTheyMayGo() {
    // docomo: 30 a minute, 20 per connection, so the first permit takes the whole burst of 20.
    Admission a = gate.admit(Map.of("DOCOMO.ne.jp", 50), T0);

    Admission.Admitted x = a.admitted().get(0);
    assertThat(x.domain()).isEqualTo("DOCOMO.ne.jp");
    assertThat(x.permit().domain()).isEqualTo("docomo.ne.jp");
    assertThat(x.permit().messages()).isEqualTo(20);
    assertThat(x.leftOver()).isEqualTo(30);
    assertThat(x.leftOverAt()).isEqualTo(T0.plus(Duration.ofSeconds(2)));
    assertThat(a.earliestRetry()).contains(T0.plusSeconds(2));
  }

  @Test
  void domainsOfOneGroupShouldShareItsConnections() {
    Map<String, Integer> batch = new LinkedHashMap<>();
    batch.put("softbank.ne.jp", 1);
    batch.put("i.softbank.jp", 1);
    batch.put("SoftBank.ne.jp.", 1);

    Admission a = gate.admit(batch, T0);

    assertThat(a.admitted()).hasSize(2);
    assertThat(a.waiting())
        .singleElement()
        .satisfies(w -> assertThat(w.reason()).isEqualTo(GateDecision.Reason.BUSY));
  }

  @Test
  void aBatchAdmittedInFullShouldHaveNoRetryTime() {
    Admission a = gate.admit(Map.of("example.org", 3, "gmail.com", 4), T0);

    assertThat(a.waiting()).isEmpty();
    assertThat(a.earliestRetry()).isEmpty();
  }
}
