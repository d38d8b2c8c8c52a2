package dev.hikyaku.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.diagnose.logs.LogAnalyzer;
import dev.hikyaku.diagnose.logs.PostfixLogParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** How uploads are read: never further than a cap, never more than one bounded line at a time. */
class UploadReadingTests {

  @Test
  void aCappedStreamShouldStopAtTheCapAndKnowWhetherMoreFollowed() throws IOException {
    CappedInputStream longer = new CappedInputStream(new ByteArrayInputStream(new byte[100]), 64);
    assertThat(longer.readAllBytes()).hasSize(64);
    assertThat(longer.read()).isEqualTo(-1);
    assertThat(longer.count()).isEqualTo(64);
    assertThat(longer.truncated()).isTrue();

    CappedInputStream exact = new CappedInputStream(new ByteArrayInputStream(new byte[64]), 64);
    assertThat(exact.readAllBytes()).hasSize(64);
    assertThat(exact.truncated()).isFalse();

    CappedInputStream shorter = new CappedInputStream(new ByteArrayInputStream(new byte[10]), 64);
    assertThat(shorter.readAllBytes()).hasSize(10);
    assertThat(shorter.truncated()).isFalse();
  }

  @Test
  void aLineLongerThanTheParserTakesShouldBeCountedAsTooLongAndTheNextLinesStillRead()
      throws IOException {
    String huge = "x".repeat(PostfixLogParser.MAX_LINE_LENGTH * 2);
    String log =
        huge
            + "\r\n"
            + "Nov 23 10:00:01 relay1 postfix/qmgr[900]: 1A2B3C4D5E: removed\r\n"
            + "\n"
            + "last line without a break";
    LogAnalyzer analyzer =
        new LogAnalyzer(new PostfixLogParser(LocalDate.of(2026, 11, 23), ZoneOffset.UTC));

    BoundedLines.feed(new StringReader(log), analyzer);

    var input = analyzer.finish().input();
    assertThat(input.lines()).isEqualTo(4);
    assertThat(input.tooLong()).isEqualTo(1);
    assertThat(input.events()).isEqualTo(1);
  }

  @Test
  void theHeaderBlockShouldEndAtTheFirstEmptyLineWithEitherLineEnding() {
    byte[] crlf = "A: 1\r\nB: 2\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
    byte[] lf = "A: 1\nB: 2\n\nbody\n".getBytes(StandardCharsets.US_ASCII);
    byte[] headersOnly = "A: 1\nB: 2\n\n  \n".getBytes(StandardCharsets.US_ASCII);

    assertThat(HeaderBlockText.of(crlf)).isEqualTo("A: 1\r\nB: 2\r\n");
    assertThat(HeaderBlockText.of(lf)).isEqualTo("A: 1\nB: 2\n");
    assertThat(HeaderBlockText.bodyIsEmpty(crlf)).isFalse();
    assertThat(HeaderBlockText.bodyIsEmpty(headersOnly)).isTrue();
    assertThat(HeaderBlockText.bodyIsEmpty("A: 1\n".getBytes(StandardCharsets.US_ASCII))).isTrue();
  }

  @Test
  void aMessageShouldBeToldFromProseAndBinary() {
    assertThat(looks("Received: from a by b; Mon, 23 Nov 2026 10:00:00 +0900\n")).isTrue();
    assertThat(looks("\n\n  X-Spam-Status: No\n")).isTrue();
    assertThat(looks("From sender@example.com Mon Nov 23 10:00:00 2026\nSubject: x\n")).isTrue();
    assertThat(looks("Hello, this is not a message: it is prose.\n")).isFalse();
    assertThat(looks("Subject: x\n\u0000\u0001binary\n")).isFalse();
    assertThat(looks("")).isFalse();
  }

  private static boolean looks(String text) {
    return HeaderBlockText.looksLikeMessage(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
