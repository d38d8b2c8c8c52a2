package dev.hikyaku.delivery.shaping;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackOffScheduleTests {

  @Test
  void windowsShouldDoubleUpToTheMaximum() {
    BackOffSchedule s = BackOffSchedule.DEFAULT;

    assertThat(s.window(1)).isEqualTo(Duration.ofMinutes(1));
    assertThat(s.window(2)).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.window(5)).isEqualTo(Duration.ofMinutes(16));
    assertThat(s.window(6)).isEqualTo(Duration.ofMinutes(30));
    assertThat(s.window(Integer.MAX_VALUE)).isEqualTo(Duration.ofMinutes(30));
  }
}
