package dev.hikyaku.delivery.mtasts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class MxPatternTests {

  @Test
  void wildcardShouldMatchExactlyOneLeftmostLabel() {
    MxPattern wildcard = MxPattern.of("*.example.com");
    assertThat(wildcard.isWildcard()).isTrue();
    assertThat(wildcard.matches("mx1.example.com")).isTrue();
    assertThat(wildcard.matches("MX1.Example.COM.")).isTrue();
    assertThat(wildcard.matches("a.b.example.com")).isFalse();
    assertThat(wildcard.matches("example.com")).isFalse();
    assertThat(wildcard.matches(".example.com")).isFalse();
    assertThat(wildcard.matches("mx1.example.org")).isFalse();
    assertThat(wildcard.matches("mx1example.com")).isFalse();
  }

  @Test
  void plainPatternShouldMatchOnlyTheSameNameIgnoringCaseAndTrailingDot() {
    MxPattern plain = MxPattern.of("Mail.Example.com.");
    assertThat(plain.pattern()).isEqualTo("mail.example.com");
    assertThat(plain.matches("mail.example.com")).isTrue();
    assertThat(plain.matches("MAIL.EXAMPLE.COM.")).isTrue();
    assertThat(plain.matches("x.mail.example.com")).isFalse();
    assertThat(plain.matches("example.com")).isFalse();
  }

  @Test
  void patternsThatAreNotHostNamesShouldBeRefused() {
    for (String bad :
        List.of(
            "",
            "*",
            "*.",
            "a.*.example.com",
            "**.example.com",
            "mx..example.com",
            "-mx.example.com",
            "mx example.com",
            "mx.example.com\r\n",
            "*example.com")) {
      assertThatThrownBy(() -> MxPattern.of(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("\n");
    }
  }
}
