package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class OutboundMessageTests {

  @Test
  void sizeShouldCountLineEndsAsCrlf() {
    assertThat(of("a\r\nb\r\n").size()).isEqualTo(6);
    assertThat(of("a\nb\n").size()).isEqualTo(6);
    assertThat(of("a\rb").size()).isEqualTo(6); // the last line gets its CRLF on the wire
    assertThat(of("").size()).isZero();
  }

  @Test
  void asciiMessageShouldNeedNoExtension() {
    OutboundMessage m = of("Subject: hi\r\n\r\nhello\r\n");

    assertThat(m.eightBit()).isFalse();
    assertThat(m.requiresSmtpUtf8()).isFalse();
  }

  @Test
  void eightBitBodyShouldNeed8BitMimeOnly() {
    OutboundMessage m = of("Subject: hi\r\n\r\nGrüße\r\n");

    assertThat(m.eightBit()).isTrue();
    assertThat(m.requiresSmtpUtf8()).isFalse();
  }

  @Test
  void utf8HeaderShouldNeedSmtpUtf8() {
    OutboundMessage m = of("Subject: Grüße\r\n\r\nhello\r\n");

    assertThat(m.eightBit()).isTrue();
    assertThat(m.requiresSmtpUtf8()).isTrue();
  }

  @Test
  void inconsistentDeclarationsShouldBeRefused() {
    assertThatThrownBy(() ->
            new OutboundMessage(() -> new ByteArrayInputStream(new byte[0]), -1, false, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> new OutboundMessage(() -> new ByteArrayInputStream(new byte[0]), 0, false, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static OutboundMessage of(String s) {
    return OutboundMessage.of(s.getBytes(StandardCharsets.UTF_8));
  }
}
