package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SmtpReplyTests {

  @Test
  void replyShouldBeClassifiedByItsFirstDigit() {
    assertThat(SmtpReply.of(250, "ok").isPositive()).isTrue();
    assertThat(SmtpReply.of(250, "ok").isPositiveCompletion()).isTrue();
    assertThat(SmtpReply.of(354, "go").isPositive()).isTrue();
    assertThat(SmtpReply.of(354, "go").isPositiveIntermediate()).isTrue();
    assertThat(SmtpReply.of(451, "later").isTransient()).isTrue();
    assertThat(SmtpReply.of(451, "later").isPositive()).isFalse();
    assertThat(SmtpReply.of(550, "no").isPermanent()).isTrue();
    assertThat(SmtpReply.of(550, "no").isTransient()).isFalse();
  }

  @Test
  void enhancedStatusCodeShouldBeTakenFromTheFirstLineWhenItsClassMatches() {
    assertThat(SmtpReply.of(550, "5.1.1 no such user").enhancedStatus())
        .hasValue(new EnhancedStatusCode(5, 1, 1));
    assertThat(SmtpReply.of(250, "2.0.0 ok", "more").enhancedStatus())
        .hasValue(new EnhancedStatusCode(2, 0, 0));
    assertThat(SmtpReply.of(550, "4.1.1 mismatched class").enhancedStatus()).isEmpty();
    assertThat(SmtpReply.of(550, "5.1.1x not a code").enhancedStatus()).isEmpty();
    assertThat(SmtpReply.of(550, "no code 5.1.1").enhancedStatus()).isEmpty();
    assertThat(SmtpReply.of(421, "4.7.0").enhancedStatus())
        .hasValue(new EnhancedStatusCode(4, 7, 0));
  }

  @Test
  void invalidRepliesShouldBeRefusedWhenBuilt() {
    assertThatThrownBy(() -> SmtpReply.of(199, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmtpReply.of(600, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmtpReply.of(250, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmtpReply.of(250, "a\r\n250 b"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new SmtpReply(550, Optional.of(new EnhancedStatusCode(2, 0, 0)), List.of("x")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnhancedStatusCode(3, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EnhancedStatusCode(5, 1000, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replyShouldReadAsOneLine() {
    assertThat(SmtpReply.of(550, "5.1.1 no such", "user here"))
        .hasToString("550 5.1.1 no such user here");
    assertThat(SmtpReply.of(250, "")).hasToString("250");
    assertThat(new EnhancedStatusCode(4, 2, 10)).hasToString("4.2.10");
  }
}
