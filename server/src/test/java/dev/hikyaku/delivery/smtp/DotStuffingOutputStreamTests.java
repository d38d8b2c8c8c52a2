package dev.hikyaku.delivery.smtp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotStuffingOutputStreamTests {

  @Test
  void linesStartingWithADotShouldGetASecondOne() throws IOException {
    assertThat(encode(".\r\n..\r\n.a\r\nb.c\r\n")).isEqualTo("..\r\n...\r\n..a\r\nb.c\r\n.\r\n");
  }

  @Test
  void contentStartingWithADotShouldBeStuffed() throws IOException {
    assertThat(encode(".hidden")).isEqualTo("..hidden\r\n.\r\n");
  }

  @Test
  void bareLineEndsShouldBecomeCrlf() throws IOException {
    assertThat(encode("a\nb\rc\r\nd\r\r\ne")).isEqualTo("a\r\nb\r\nc\r\nd\r\n\r\ne\r\n.\r\n");
  }

  @Test
  void bareCrBeforeADotShouldStillStuffIt() throws IOException {
    assertThat(encode("a\r.b")).isEqualTo("a\r\n..b\r\n.\r\n");
  }

  @Test
  void emptyContentShouldBeJustTheEndOfData() throws IOException {
    assertThat(encode("")).isEqualTo(".\r\n");
  }

  @Test
  void trailingCrShouldEndTheLastLine() throws IOException {
    assertThat(encode("a\r")).isEqualTo("a\r\n.\r\n");
  }

  @Test
  void chunkBoundariesShouldNotChangeTheEncoding() throws IOException {
    String content = "x\r\n.y\r\n\r\n..\rz\n.";
    String whole = encode(content);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DotStuffingOutputStream stream = new DotStuffingOutputStream(out);
    for (byte b : content.getBytes(StandardCharsets.US_ASCII)) {
      stream.write(new byte[] {b}, 0, 1); // every boundary, including inside CRLF
    }
    stream.finish();

    assertThat(out.toString(StandardCharsets.US_ASCII)).isEqualTo(whole);
  }

  @Test
  void octetsShouldCountTheEncodedContentWithoutTheEndOfData() throws IOException {
    DotStuffingOutputStream stream = new DotStuffingOutputStream(new ByteArrayOutputStream());
    stream.write(".a\n".getBytes(StandardCharsets.US_ASCII));
    stream.finish();

    assertThat(stream.octets()).isEqualTo("..a\r\n".length());
  }

  private static String encode(String content) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DotStuffingOutputStream stream = new DotStuffingOutputStream(out);
    stream.write(content.getBytes(StandardCharsets.US_ASCII));
    stream.finish();
    return out.toString(StandardCharsets.US_ASCII);
  }
}
