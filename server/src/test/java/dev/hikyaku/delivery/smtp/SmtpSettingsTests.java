package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpSettingsTests {

  @Test
  void defaultsShouldBeTheTimeoutsOfRfc5321AndRequireTls() {
    SmtpSettings s = SmtpSettings.builder("mail.sender.test").build();

    assertThat(s.tlsMode()).isEqualTo(TlsMode.REQUIRED);
    assertThat(s.greetingTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.mailTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.rcptTimeout()).isEqualTo(Duration.ofMinutes(5));
    assertThat(s.dataInitiationTimeout()).isEqualTo(Duration.ofMinutes(2));
    assertThat(s.dataBlockTimeout()).isEqualTo(Duration.ofMinutes(3));
    assertThat(s.dataTerminationTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(s.plaintextAuthOnLoopback()).isFalse();
    assertThat(s.maxReplyLineLength()).isGreaterThanOrEqualTo(512);
  }

  @Test
  void ehloNameShouldBeAHostNameOrAddressLiteral() {
    assertThat(SmtpSettings.builder("Mail.Sender.TEST.").build().ehloName())
        .isEqualTo("mail.sender.test");
    assertThat(SmtpSettings.builder("[192.0.2.1]").build().ehloName()).isEqualTo("[192.0.2.1]");
    assertThat(SmtpSettings.builder("[IPv6:2001:db8::1]").build().ehloName())
        .isEqualTo("[IPv6:2001:db8::1]");
    for (String bad :
        new String[] {"", "localhost", "192.0.2.1", "a b.test", "x.test\r\nMAIL", "[300.1.1.1]"}) {
      assertThatThrownBy(() -> SmtpSettings.builder(bad).build())
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void outOfRangeValuesShouldBeRefusedWhenBuilt() {
    assertThatThrownBy(
            () -> SmtpSettings.builder("mail.sender.test").mailTimeout(Duration.ZERO).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SmtpSettings.builder("mail.sender.test").quitTimeout(null).build())
        .isInstanceOf(NullPointerException.class);
    assertThatThrownBy(
            () -> SmtpSettings.builder("mail.sender.test").maxMessagesPerConnection(0).build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> SmtpSettings.builder("mail.sender.test").maxReplyLineLength(100).build())
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void toBuilderShouldKeepEveryValue() {
    SmtpSettings s =
        SmtpSettings.builder("mail.sender.test")
            .tlsMode(TlsMode.OPPORTUNISTIC)
            .allTimeouts(Duration.ofSeconds(7))
            .maxMessagesPerConnection(3)
            .maxReplyLineLength(1000)
            .plaintextAuthOnLoopback(true)
            .build();

    assertThat(s.toBuilder().build()).isEqualTo(s);
  }
}
