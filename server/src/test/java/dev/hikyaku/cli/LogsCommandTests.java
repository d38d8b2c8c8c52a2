package dev.hikyaku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code hikyaku logs}: a summary and message traces of a Postfix log. */
class LogsCommandTests {

  private static final String LOG = dev.hikyaku.test.Samples.POSTFIX_LOG;

  @TempDir Path dir;

  private Path log() throws Exception {
    return Files.writeString(dir.resolve("mail.log"), LOG);
  }

  @Test
  void summaryShouldCountOutcomesAndGroupReasons() throws Exception {
    CliRun run = CliRun.of("logs", log().toString(), "--date", "2026-11-23");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^ +2 received")
        .containsPattern("(?m)^ +1 delivered")
        .containsPattern("(?m)^ +1 deferred \\(1 deferrals\\)")
        .containsPattern("(?m)^ +1 bounced")
        .containsPattern("(?m)^ +1 rejected")
        .contains("docomo.ne.jp")
        .containsPattern("(?s)Bounces by DSN class.*5\\.x\\.x|5\\.1\\.1")
        .contains("Relay access denied");
  }

  @Test
  void traceByAddressShouldShowThePathAndTheBounceNotification() throws Exception {
    CliRun run = CliRun.of("logs", log().toString(), "--trace", "gone@example.org");

    assertThat(run.out())
        .contains("2B3C4D5E6F")
        .contains("message-id  <n2@news.example.co.jp>")
        .contains("<gone@example.org>  bounced 5.1.1")
        .contains("bounce notification: 3C4D5E6F70")
        .doesNotContain("1A2B3C4D5E");
  }

  @Test
  void gzipLogsAndJsonShouldWork() throws Exception {
    Path gz = dir.resolve("mail.log.1.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(LOG.getBytes(StandardCharsets.UTF_8));
    }

    JsonNode json =
        JsonMapper.builder()
            .build()
            .readTree(CliRun.of("logs", gz.toString(), "--json", "--date", "2026-11-23").out());

    assertThat(json.get("totals").get("delivered").asLong()).isEqualTo(1);
    assertThat(json.get("totals").get("bounced").asLong()).isEqualTo(1);
    assertThat(CliRun.of("logs", dir.resolve("missing.log").toString()).exit()).isEqualTo(1);
  }
}
