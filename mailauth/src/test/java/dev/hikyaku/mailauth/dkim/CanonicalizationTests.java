package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.Canonicalization.RELAXED;
import static dev.hikyaku.mailauth.dkim.Canonicalization.SIMPLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CanonicalizationTests {

  /** The example of RFC 6376 §3.4.5. */
  private static final String RFC_EXAMPLE =
      "A: X\r\nB : Y\t\r\n\tZ  \r\n\r\n C \r\nD \t E\r\n\r\n\r\n";

  @Test
  void relaxedHeadersShouldMatchRfc6376Section345() throws IOException {
    MessageHeaders headers = read(RFC_EXAMPLE);

    assertThat(canonical(headers, RELAXED)).isEqualTo("a:X\r\nb:Y Z\r\n");
  }

  @Test
  void simpleHeadersShouldMatchRfc6376Section345() throws IOException {
    MessageHeaders headers = read(RFC_EXAMPLE);

    assertThat(canonical(headers, SIMPLE)).isEqualTo("A: X\r\nB : Y\t\r\n\tZ  \r\n");
    assertThat(headers.named("b").get(0).name()).isEqualTo("B");
  }

  @Test
  void bodiesShouldMatchRfc6376Section345() {
    byte[] body = bytes(" C \r\nD \t E\r\n\r\n\r\n");

    assertThat(canonicalBody(body, RELAXED)).isEqualTo(" C\r\nD E\r\n");
    assertThat(canonicalBody(body, SIMPLE)).isEqualTo(" C \r\nD \t E\r\n");
  }

  @Test
  void emptyBodiesShouldHashAsRfc6376Says() {
    // RFC 6376 §3.4.3: an empty body is one CRLF in simple; §3.4.4: nothing in relaxed.
    assertThat(bodyHash(new byte[0], SIMPLE))
        .isEqualTo("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
    assertThat(bodyHash(bytes("\r\n\r\n"), SIMPLE))
        .isEqualTo("frcCV1k9oG9oKj3dpUqdJg1PxRT2RSN/XKdLCPjaYaY=");
    assertThat(bodyHash(new byte[0], RELAXED))
        .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    assertThat(bodyHash(bytes(" \t\r\n \r\n"), RELAXED))
        .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
  }

  @Test
  void aLastLineWithoutCrlfShouldGetOne() {
    assertThat(canonicalBody(bytes("end"), SIMPLE)).isEqualTo("end\r\n");
    assertThat(canonicalBody(bytes("end  "), RELAXED)).isEqualTo("end\r\n");
  }

  @Test
  void bareLineFeedsShouldBeReadAsCrlf() {
    assertThat(canonicalBody(bytes("a\nb\n\n"), SIMPLE)).isEqualTo("a\r\nb\r\n");
    assertThat(canonicalBody(bytes("a \nb\r\n"), RELAXED)).isEqualTo("a\r\nb\r\n");
  }

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void anyChunkingShouldGiveTheSameHashAsAOneShotReference(Canonicalization canonicalization) {
    Random random = new Random(6376);
    byte[] alphabet = bytes("ab \t\r\n");
    for (int round = 0; round < 3000; round++) {
      byte[] body = new byte[random.nextInt(40)];
      for (int i = 0; i < body.length; i++) {
        body[i] = alphabet[random.nextInt(alphabet.length)];
      }
      byte[] expected = reference(body, canonicalization);
      BodyCanonicalizer streamed = new BodyCanonicalizer(canonicalization, Long.MAX_VALUE);
      for (int offset = 0; offset < body.length; ) {
        int n = Math.min(body.length - offset, 1 + random.nextInt(4));
        streamed.update(body, offset, n);
        offset += n;
      }
      BodyCanonicalizer.BodyHash hash = streamed.finish();
      assertThat(hash.digest())
          .as("body %s", Arrays.toString(body))
          .isEqualTo(BodyCanonicalizer.sha256().digest(expected));
      assertThat(hash.canonicalLength()).isEqualTo(expected.length);
    }
  }

  @Test
  void aLengthLimitShouldHashOnlyThatManyCanonicalOctets() {
    byte[] body = bytes("line one  \r\nline two\r\n\r\n");
    byte[] canonical = reference(body, RELAXED);
    for (int limit = 0; limit <= canonical.length; limit++) {
      BodyCanonicalizer limited = new BodyCanonicalizer(RELAXED, limit);
      limited.update(body, 0, body.length);
      assertThat(limited.finish().digest())
          .isEqualTo(BodyCanonicalizer.sha256().digest(Arrays.copyOf(canonical, limit)));
    }
  }

  /** An independent one-shot canonicalization, written from the RFC text with regexes. */
  static byte[] reference(byte[] body, Canonicalization canonicalization) {
    String text = new String(body, StandardCharsets.ISO_8859_1).replaceAll("(?<!\r)\n", "\r\n");
    if (canonicalization == RELAXED) {
      List<String> lines = new ArrayList<>();
      for (String line : text.split("\r\n", -1)) {
        lines.add(line.replaceAll("[ \t]+", " ").replaceAll(" \\z", ""));
      }
      text = String.join("\r\n", lines);
    }
    while (text.endsWith("\r\n")) {
      text = text.substring(0, text.length() - 2);
    }
    if (canonicalization == SIMPLE || !text.isEmpty()) {
      text += "\r\n";
    }
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static String canonicalBody(byte[] body, Canonicalization canonicalization) {
    byte[] expected = reference(body, canonicalization);
    BodyCanonicalizer canonicalizer = new BodyCanonicalizer(canonicalization, Long.MAX_VALUE);
    canonicalizer.update(body, 0, body.length);
    assertThat(canonicalizer.finish().digest())
        .isEqualTo(BodyCanonicalizer.sha256().digest(expected));
    return new String(expected, StandardCharsets.ISO_8859_1);
  }

  private static String bodyHash(byte[] body, Canonicalization canonicalization) {
    BodyCanonicalizer canonicalizer = new BodyCanonicalizer(canonicalization, Long.MAX_VALUE);
    canonicalizer.update(body, 0, body.length);
    return Base64.getEncoder().encodeToString(canonicalizer.finish().digest());
  }

  private static MessageHeaders read(String message) throws IOException {
    MessageHeaders.Read read =
        MessageHeaders.read(new MessageInput(new ByteArrayInputStream(bytes(message))), 1 << 20);
    assertThat(read).isInstanceOf(MessageHeaders.Read.Complete.class);
    return ((MessageHeaders.Read.Complete) read).headers();
  }

  private static String canonical(MessageHeaders headers, Canonicalization canonicalization) {
    StringBuilder out = new StringBuilder();
    for (HeaderField field : headers.fields()) {
      out.append(
          new String(
              HeaderCanonicalizer.canonicalize(field, canonicalization),
              StandardCharsets.ISO_8859_1));
    }
    return out.toString();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
