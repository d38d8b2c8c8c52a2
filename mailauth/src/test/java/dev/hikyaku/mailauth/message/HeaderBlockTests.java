package dev.hikyaku.mailauth.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Reading header fields the way DKIM's parser reads them. */
class HeaderBlockTests {

  private static HeaderBlock read(String text) {
    return HeaderBlock.read(text.getBytes(StandardCharsets.UTF_8), 1 << 20);
  }

  @Test
  void foldedFieldsShouldBeUnfoldedAndTheBodyIgnored() {
    HeaderBlock headers =
        read("From: \"A\"\r\n <a@example.com>\r\nSubject: x\r\n\r\nFrom: b@body.example\r\n");

    assertThat(headers.values("from")).containsExactly("\"A\" <a@example.com>");
  }

  @Test
  void namesWithControlOrUnicodeSpaceShouldNotCountAsFrom() {
    HeaderBlock headers = read("From\u000B: evil@example.net\r\nFrom\u2003: x@y.example\r\n\r\n");

    assertThat(headers.values("From")).isEmpty();
  }

  @Test
  void obsoleteSpaceBeforeTheColonShouldBeTolerated() {
    assertThat(read("From : a@example.com\n\nbody").values("From"))
        .containsExactly("a@example.com");
  }
}
