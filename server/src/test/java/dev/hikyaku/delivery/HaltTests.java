package dev.hikyaku.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** An emergency stop is never refused for its note: the reason is cleaned and cut, not checked. */
class HaltTests {

  private static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");

  @Test
  void aReasonShouldLoseLineBreaksAndControlCharactersButKeepJapanese() {
    assertThat(Halt.reason("  誤った配信リスト\r\n\t宛先が 10 万件\u0000 ")).isEqualTo("誤った配信リスト 宛先が 10 万件");
  }

  @Test
  void aMissingReasonShouldBeEmpty() {
    assertThat(new Halt("user:sato", NOW, null).reason()).isEmpty();
  }

  @Test
  void aLongReasonShouldBeCutWithoutSplittingACharacter() {
    assertThat(Halt.reason("x".repeat(600))).hasSize(Halt.MAX_REASON);
    String emoji = "a" + "😀".repeat(300); // the 500th char is the first half of a pair
    String cut = Halt.reason(emoji);
    assertThat(cut).hasSize(Halt.MAX_REASON - 1);
    assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
  }

  @Test
  void aHaltShouldNameWhoPulledIt() {
    assertThatThrownBy(() -> new Halt(" ", NOW, "why"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
