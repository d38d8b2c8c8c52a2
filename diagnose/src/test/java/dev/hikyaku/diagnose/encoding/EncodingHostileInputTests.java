package dev.hikyaku.diagnose.encoding;

import static dev.hikyaku.diagnose.encoding.TestMail.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.diagnose.headers.Severity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Huge, deep, truncated and random messages give a bounded report, never an exception. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EncodingHostileInputTests {

  private static final EncodingAnalyzer ANALYZER = new EncodingAnalyzer();

  /** {@code length} bytes repeating {@code line}, made as they are read. */
  private static InputStream repeated(byte[] line, long length) {
    return new InputStream() {
      private long position;

      @Override
      public int read() {
        return position < length ? line[(int) (position++ % line.length)] & 0xFF : -1;
      }

      @Override
      public int read(byte[] buffer, int offset, int count) {
        if (position >= length) {
          return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
          buffer[offset + i] = line[(int) (position++ % line.length)];
        }
        return n;
      }
    };
  }

  @Test
  void aFiftyMegabytePartShouldBeAnalysedOnlyAsFarAsTheLimit() throws IOException {
    byte[] head = TestMail.single("text/plain; charset=ISO-2022-JP", "8bit", new byte[0]);
    byte[] line = bytes("会議の資料をお送りします。よろしくお願いします。\r\n", "Shift_JIS");
    long bodyLength = 50L * 1024 * 1024;

    EncodingReport report =
        ANALYZER.analyze(
            new SequenceInputStream(new ByteArrayInputStream(head), repeated(line, bodyLength)));

    PartText body = report.parts().getFirst();
    assertThat(body.analysedBytes()).isEqualTo(EncodingLimits.defaults().partPrefixBytes());
    assertThat(body.totalBytes()).isEqualTo(bodyLength);
    assertThat(body.truncated()).isTrue();
    assertThat(body.detectedCharsetName()).isEqualTo("Shift_JIS");
    assertThat(report.bytesRead()).isEqualTo(head.length + bodyLength);
    assertThat(report.withCode("body.charset-mismatch")).hasSize(1);
    assertThat(body.preview().orElseThrow().text()).startsWith("会議の資料をお送りします。");
  }

  @Test
  void aMessageOverTheReadLimitShouldBeCutAndSaySo() throws IOException {
    EncodingAnalyzer small = new EncodingAnalyzer(new EncodingLimits(4096, 10, 1024 * 1024));
    byte[] head = TestMail.single("text/plain; charset=UTF-8", "8bit", new byte[0]);

    EncodingReport report =
        small.analyze(
            new SequenceInputStream(
                new ByteArrayInputStream(head),
                repeated(bytes("テスト\r\n", "UTF-8"), 3L * 1024 * 1024)));

    assertThat(report.truncated()).isTrue();
    assertThat(report.bytesRead()).isEqualTo(1024 * 1024);
    assertThat(report.withCode("message.truncated"))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO));
    assertThat(report.parts().getFirst().analysedBytes()).isEqualTo(4096);
  }

  @Test
  void onlyTheFirstPartsUpToTheLimitShouldBeAnalysed() {
    StringBuilder message =
        new StringBuilder("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=b\n\n");
    for (int i = 0; i < 500; i++) {
      message.append("--b\nContent-Type: text/plain\n\npart ").append(i).append('\n');
    }
    message.append("--b--\n");

    EncodingReport report = ANALYZER.analyze(TestMail.of(message.toString()));

    assertThat(report.parts()).hasSize(EncodingLimits.defaults().maxParts());
    assertThat(report.withCode("mime.parts-truncated")).hasSize(1);
  }

  @Test
  void aTwoMegabyteHeaderLineShouldBeAFindingNotAnOutOfMemoryError() {
    byte[] message = TestMail.of("Subject: ", "x".repeat(2_000_000), "\n\nbody\n");

    EncodingReport report = ANALYZER.analyze(message);

    assertThat(report.withCode("mime.unreadable"))
        .singleElement()
        .satisfies(f -> assertThat(f.cause()).contains("line length"));
  }

  @Test
  void aLongFieldOfEncodedWordsShouldBeReadOnlyAsFarAsTheFieldLimit() {
    String words = (TestMail.word("UTF-8", "会議") + "\n ").repeat(20_000);

    EncodingReport report = ANALYZER.analyze(TestMail.of("Subject: ", words, "\n\nbody\n"));

    assertThat(report.headers())
        .singleElement()
        .satisfies(h -> {
          assertThat(h.decoded()).startsWith("会議会議").hasSizeLessThanOrEqualTo(1001);
          assertThat(h.raw()).hasSizeLessThanOrEqualTo(HeaderInspector.MAX_RAW_CHARACTERS + 1);
        });
  }

  @Test
  void deeplyNestedMultipartsShouldNotOverflowTheStack() {
    StringBuilder message = new StringBuilder("MIME-Version: 1.0\n");
    for (int i = 0; i < 2_000; i++) {
      message.append("Content-Type: multipart/mixed; boundary=b").append(i).append("\n\n--b");
      message.append(i).append('\n');
    }
    message.append("Content-Type: text/plain\n\ninnermost\n");

    EncodingReport report = ANALYZER.analyze(TestMail.of(message.toString()));

    assertThat(report.parts()).hasSizeLessThanOrEqualTo(1);
  }

  @Test
  void randomBytesShouldAlwaysGiveAReport() {
    Random random = new Random(2026);
    List<String> prefixes =
        List.of(
            "",
            "Subject: =?ISO-2022-JP?B?",
            "MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"a\"\r\n\r\n--a\r\n",
            "Content-Type: text/plain; charset=Shift_JIS\r\nContent-Transfer-Encoding: base64\r\n\r\n",
            "Content-Type: message/rfc822\r\n\r\nContent-Type: text/plain; charset=x-sjis\r\n\r\n");
    for (int i = 0; i < 3_000; i++) {
      byte[] noise = new byte[random.nextInt(4_000)];
      random.nextBytes(noise);
      byte[] message = TestMail.of(prefixes.get(i % prefixes.size()), noise);

      EncodingReport report = ANALYZER.analyze(message);

      assertThat(report.bytesRead()).isEqualTo(message.length);
      assertThat(report.findings())
          .allSatisfy(f -> assertThat(f.message()).hasSizeLessThan(2_000).doesNotContain("\n"));
    }
  }

  @Test
  void aFailingInputStreamShouldBeAnIoExceptionNotAFinding() {
    InputStream failing =
        new SequenceInputStream(
            Collections.enumeration(
                List.of(
                    new ByteArrayInputStream(TestMail.of("Subject: x\n\n")),
                    new InputStream() {
                      @Override
                      public int read() throws IOException {
                        throw new IOException("disk gone");
                      }
                    })));

    assertThatThrownBy(() -> ANALYZER.analyze(failing))
        .isInstanceOf(IOException.class)
        .hasMessage("disk gone");
  }

  @Test
  void limitsShouldBeCheckedWhenMade() {
    assertThatThrownBy(() -> new EncodingLimits(10, 1, 1 << 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EncodingLimits(4096, 0, 1 << 20))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new EncodingLimits(4096, 1, 100))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
