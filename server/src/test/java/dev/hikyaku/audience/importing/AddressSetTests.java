package dev.hikyaku.audience.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The duplicate set is exact: same key, same first line; any other key, new. */
class AddressSetTests {

  @Test
  void theFirstLineShouldBeReturnedForEveryRepeat() {
    AddressSet seen = new AddressSet();

    assertThat(seen.addIfAbsent("taro@example.jp", 2)).isZero();
    assertThat(seen.addIfAbsent("hanako@example.jp", 3)).isZero();
    assertThat(seen.addIfAbsent("taro@example.jp", 9)).isEqualTo(2);
    assertThat(seen.addIfAbsent("taro@example.jp", 12)).isEqualTo(2);
    assertThat(seen.size()).isEqualTo(2);
  }

  @Test
  void keysThatDifferInOneByteOrInLengthShouldStayApart() {
    AddressSet seen = new AddressSet();
    seen.addIfAbsent("a@example.jp", 2);

    assertThat(seen.addIfAbsent("b@example.jp", 3)).isZero();
    assertThat(seen.addIfAbsent("a@example.jpn", 4)).isZero();
    assertThat(seen.addIfAbsent("a@example.j", 5)).isZero();
    assertThat(seen.addIfAbsent("a@example.jp", 6)).isEqualTo(2);
  }

  @Test
  void keysShouldSurviveGrowthAndSpanManyPages() {
    AddressSet seen = new AddressSet();
    String padding = "x".repeat(200);
    for (int i = 0; i < 20_000; i++) {
      seen.addIfAbsent(padding + i + "@example.jp", i + 2L);
    }

    assertThat(seen.approximateBytes()).isGreaterThan(4L << 20);
    for (int i = 0; i < 20_000; i += 997) {
      assertThat(seen.addIfAbsent(padding + i + "@example.jp", 1)).isEqualTo(i + 2L);
    }
  }

  @Test
  void aKeyLongerThanAnyAddressShouldBeRefused() {
    assertThatThrownBy(() -> new AddressSet().addIfAbsent("x".repeat(256), 2))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
