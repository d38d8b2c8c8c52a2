package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReplyReaderTests {

  @Test
  void multilineReplyShouldBeReadWhole() throws IOException {
    ReplyReader reader =
        reader("250-mx.hikyaku.test hello\r\n250-PIPELINING\r\n250 SIZE 1000\r\n354 go\r\n");

    SmtpReply ehlo = reader.read(Duration.ofSeconds(1));
    SmtpReply data = reader.read(Duration.ofSeconds(1));

    assertThat(ehlo.code()).isEqualTo(250);
    assertThat(ehlo.lines()).containsExactly("mx.hikyaku.test hello", "PIPELINING", "SIZE 1000");
    assertThat(data.code()).isEqualTo(354);
    assertThat(reader.hasBufferedInput()).isFalse();
  }

  @Test
  void bareCodesAndBareLineFeedsShouldBeTolerated() throws IOException {
    ReplyReader reader = reader("250\n220 \r\n");

    assertThat(reader.read(Duration.ofSeconds(1)).lines()).containsExactly("");
    assertThat(reader.read(Duration.ofSeconds(1)).lines()).containsExactly("");
  }

  @Test
  void controlCharactersInTextShouldBeReplaced() throws IOException {
    assertThat(reader("550 bad\u0007bell\u001b[31m\r\n").read(Duration.ofSeconds(1)).text())
        .isEqualTo("bad?bell?[31m");
  }

  @Test
  void malformedRepliesShouldBeTypedErrors() {
    assertThatThrownBy(() -> reader("hello\r\n").read(Duration.ofSeconds(1)))
        .isInstanceOf(MalformedReplyException.class);
    assertThatThrownBy(() -> reader("150 preliminary\r\n").read(Duration.ofSeconds(1)))
        .isInstanceOf(MalformedReplyException.class);
    assertThatThrownBy(() -> reader("250-a\r\n550 b\r\n").read(Duration.ofSeconds(1)))
        .isInstanceOf(MalformedReplyException.class)
        .hasMessageContaining("changed");
    assertThatThrownBy(() -> reader("250x\r\n").read(Duration.ofSeconds(1)))
        .isInstanceOf(MalformedReplyException.class);
  }

  @Test
  void overlongLineShouldBeRefusedWithinTheLimit() {
    String line = "250 " + "x".repeat(600) + "\r\n";

    assertThatThrownBy(() -> reader(line, 512).read(Duration.ofSeconds(1)))
        .isInstanceOf(MalformedReplyException.class)
        .hasMessageContaining("longer than 512 octets");
  }

  @Test
  void endlessMultilineReplyShouldBeRefused() {
    String lines = "250-x\r\n".repeat(ReplyReader.MAX_LINES + 5) + "250 end\r\n";

    assertThatThrownBy(() -> reader(lines).read(Duration.ofSeconds(1)))
        .isInstanceOf(MalformedReplyException.class)
        .hasMessageContaining("lines");
  }

  @Test
  void connectionClosedWithinAReplyShouldBeAnEndOfStream() {
    assertThatThrownBy(() -> reader("250-first\r\n250 unfinished").read(Duration.ofSeconds(1)))
        .isInstanceOf(EOFException.class);
  }

  private static ReplyReader reader(String text) {
    return reader(text, 4096);
  }

  private static ReplyReader reader(String text, int maxLine) {
    return new ReplyReader(
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), millis -> {}, maxLine);
  }
}
