package dev.hikyaku.diagnosis.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lines are read in bounded memory: an endless line is skipped and counted, not built. */
class BoundedLinesTests {

  private static List<String> read(BoundedLines lines) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l = lines.next(); l != null; l = lines.next()) {
      out.add(l);
    }
    return out;
  }

  @Test
  void linesShouldComeOutWithoutTheirTerminators() throws IOException {
    BoundedLines lines = new BoundedLines(new StringReader("one\r\ntwo\n\nthree"), 10);

    assertThat(read(lines)).containsExactly("one\r", "two", "", "three");
    assertThat(lines.tooLong()).isZero();
  }

  @Test
  void aLineLongerThanTheLimitShouldBeSkippedAndCounted() throws IOException {
    String huge = "x".repeat(200_000);
    BoundedLines lines = new BoundedLines(new StringReader("a\n" + huge + "\nb\n" + huge), 1000);

    assertThat(read(lines)).containsExactly("a", "", "b", "");
    assertThat(lines.tooLong()).isEqualTo(2);
  }
}
