package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.bytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.ed25519;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.rsa;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Large bodies stream through the signer and the verifier: the test message is generated on the fly
 * and never exists as a whole, so only the library's own buffers hold any of it.
 */
class DkimStreamingTests {

  private static final long BODY_BYTES = 20L << 20;
  private static final String HEADERS =
      "From: alice@example.com\r\nTo: bob@example.org\r\nSubject: big\r\n"
          + "Date: Thu, 15 Jan 2026 10:00:00 +0000\r\n\r\n";

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void aTwentyMegabyteBodyShouldBeSignedAndVerifiedFromStreams(Canonicalization body)
      throws IOException {
    DkimSigner signer =
        DkimSigner.builder("example.com", "sel", ed25519().getPrivate())
            .canonicalization(Canonicalization.RELAXED, body)
            .clock(CLOCK)
            .build();
    String field = signer.sign(message());
    CountingStream counted =
        new CountingStream(
            new SequenceInputStream(new ByteArrayInputStream(bytes(field)), message()));

    List<DkimVerification> results =
        new DkimVerifier(zone("sel", "example.com", ed25519().getPublic()), CLOCK).verify(counted);

    assertThat(results).extracting(DkimVerification::result).containsExactly(DkimResult.PASS);
    assertThat(counted.count).isEqualTo(field.length() + HEADERS.length() + BODY_BYTES);
  }

  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void theStreamedBodyHashShouldEqualAOneShotComputation(Canonicalization canonicalization)
      throws IOException {
    byte[] body = new GeneratedBody(BODY_BYTES).readAllBytes();
    BodyCanonicalizer oneShot = new BodyCanonicalizer(canonicalization, Long.MAX_VALUE);
    oneShot.update(body, 0, body.length);
    BodyCanonicalizer streamed = new BodyCanonicalizer(canonicalization, Long.MAX_VALUE);
    Random random = new Random(20);
    for (int offset = 0; offset < body.length; ) {
      int n = Math.min(body.length - offset, 1 + random.nextInt(100_000));
      streamed.update(body, offset, n);
      offset += n;
    }
    byte[] prefix = java.util.Arrays.copyOf(body, 1 << 20);
    BodyCanonicalizer prefixOnly = new BodyCanonicalizer(canonicalization, Long.MAX_VALUE);
    prefixOnly.update(prefix, 0, prefix.length);

    assertThat(streamed.finish()).usingRecursiveComparison().isEqualTo(oneShot.finish());
    assertThat(prefixOnly.finish().digest())
        .isEqualTo(
            BodyCanonicalizer.sha256()
                .digest(CanonicalizationTests.reference(prefix, canonicalization)));
  }

  @Test
  void theBodyShouldNotBeReadWhenNoSignatureNeedsIt() throws IOException {
    String field =
        DkimSigner.builder("example.com", "gone", rsa().getPrivate())
            .clock(CLOCK)
            .build()
            .sign(new ByteArrayInputStream(bytes(HEADERS + "short body\r\n")));
    CountingStream counted =
        new CountingStream(
            new SequenceInputStream(new ByteArrayInputStream(bytes(field)), message()));

    List<DkimVerification> results =
        new DkimVerifier(new dev.hikyaku.mailauth.dns.InMemoryZone(), CLOCK).verify(counted);

    assertThat(results).extracting(DkimVerification::result).containsExactly(DkimResult.PERMERROR);
    assertThat(counted.count).isLessThan(1 << 20);
  }

  private static InputStream message() {
    return new SequenceInputStream(
        new ByteArrayInputStream(bytes(HEADERS)), new GeneratedBody(BODY_BYTES));
  }

  /** Text lines with runs of spaces, tabs, blank lines and trailing whitespace, made up as read. */
  static final class GeneratedBody extends InputStream {
    private static final byte[] PATTERN =
        bytes("Line with  double  spaces\tand a tab   \r\n\r\n \t \r\nshort\r\nlast words \r\n");
    private final long size;
    private long position;

    GeneratedBody(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      return position < size ? PATTERN[(int) (position++ % PATTERN.length)] : -1;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - position);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = PATTERN[(int) (position++ % PATTERN.length)];
      }
      return n;
    }
  }

  /** Counts the bytes taken from a stream. */
  static final class CountingStream extends InputStream {
    private final InputStream in;
    long count;

    CountingStream(InputStream in) {
      this.in = in;
    }

    @Override
    public int read() throws IOException {
      int b = in.read();
      if (b >= 0) {
        count++;
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int n = in.read(buffer, offset, length);
      if (n > 0) {
        count += n;
      }
      return n;
    }
  }
}
