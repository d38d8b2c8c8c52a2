package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class HostNamesTests {

  @Test
  void serverNameShouldBeCanonical() {
    assertThat(HostNames.serverName("MX1.Example.TEST.")).isEqualTo("mx1.example.test");
    assertThat(HostNames.serverName("mx.bücher.test")).isEqualTo("mx.xn--bcher-kva.test");
    assertThat(HostNames.serverName("192.0.2.25")).isEqualTo("192.0.2.25");
    assertThat(HostNames.serverName("2001:DB8::25")).isEqualTo("2001:db8::25");
  }

  @Test
  void ipLiteralsShouldBeRecognisedWithoutLookingAnythingUp() {
    assertThat(HostNames.isIpLiteral("127.0.0.1")).isTrue();
    assertThat(HostNames.isIpLiteral("::1")).isTrue();
    assertThat(HostNames.isIpLiteral("::ffff:192.0.2.1")).isTrue();
    assertThat(HostNames.isIpLiteral("1::2::3")).isFalse();
    assertThat(HostNames.isIpLiteral("256.0.0.1")).isFalse();
    assertThat(HostNames.isIpLiteral("mx.example.test")).isFalse();
  }

  @Test
  void namesThatAreNotHostNamesShouldBeRefused() {
    for (String bad :
        List.of(
            "",
            "localhost",
            "mx..example.test",
            "-mx.example.test",
            "mx_1.example.test",
            "mx.example.test\r\n",
            "1::2::3",
            "a".repeat(64) + ".test")) {
      assertThatThrownBy(() -> HostNames.serverName(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageNotContaining("\r");
    }
  }
}
