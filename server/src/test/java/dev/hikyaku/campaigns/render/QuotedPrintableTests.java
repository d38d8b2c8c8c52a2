package dev.hikyaku.campaigns.render;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Quoted-printable body encoding (RFC 2045 §6.7), checked against Jakarta Mail's decoder. */
class QuotedPrintableTests {

  private static String encode(String text) {
    return new String(
        QuotedPrintable.encode(text.getBytes(StandardCharsets.UTF_8)), StandardCharsets.US_ASCII);
  }

  private static String decode(String qp) throws Exception {
    try (var in =
        MimeUtility.decode(
            new ByteArrayInputStream(qp.getBytes(StandardCharsets.US_ASCII)), "quoted-printable")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void trailingWhitespaceAndEqualsSignsShouldBeEncoded() {
    assertThat(encode("a = b \r\nc\t\r\n")).isEqualTo("a =3D b=20\r\nc=09\r\n");
  }

  @Test
  void fromAndDotAtLineStartShouldBeEncoded() {
    assertThat(encode("From here\r\n.\r\nFrom\r\n")).isEqualTo("=46rom here\r\n=2E\r\nFrom\r\n");
  }

  @Test
  void longLinesShouldGetSoftBreaksWithinSeventySixCharactersAndDecodeBack() throws Exception {
    String text = ("Ünïcödé and ascii mixed text, " + "x".repeat(20) + " € ").repeat(20) + "\r\n";
    String qp = encode(text);
    for (String line : qp.split("\r\n")) {
      assertThat(line.length()).isLessThanOrEqualTo(76);
      assertThat(line.matches(".*=[0-9A-F]$")).as("escape split by a soft break").isFalse();
    }
    assertThat(decode(qp)).isEqualTo(text);
  }
}
