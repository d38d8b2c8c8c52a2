package dev.hikyaku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code hikyaku headers FILE}: the hop table of a received message. */
class HeadersCommandTests {

  private static final String HEADERS =
      """
      Received: from mx.example.org (mx.example.org [198.51.100.20])
      \tby mail.example.co.jp (Postfix) with ESMTPS id 4Xyz1
      \t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))
      \tfor <tanaka@example.co.jp>; Mon, 23 Nov 2026 10:07:30 +0900 (JST)
      Received: from out.esp.example (out.esp.example [203.0.113.7])
      \tby mx.example.org (Postfix) with ESMTP id 9Abc2
      \tfor <tanaka@example.co.jp>; Mon, 23 Nov 2026 01:00:10 +0000
      Received: from app1.esp.example (app1.esp.example [192.0.2.10])
      \tby out.esp.example (Postfix) with ESMTPSA id 7Def3;
      \tMon, 23 Nov 2026 10:00:00 +0900
      Date: Mon, 23 Nov 2026 09:59:58 +0900
      From: news@esp.example
      To: tanaka@example.co.jp
      Subject: test

      body
      """
          .replace("\n", "\r\n");

  @TempDir Path dir;

  @Test
  void hopTableShouldShowDelaysTlsAndFindings() throws Exception {
    Path file = Files.writeString(dir.resolve("m.eml"), HEADERS);

    CliRun run = CliRun.of("headers", file.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^1 +app1.esp.example \\[192.0.2.10\\] +out.esp.example +ESMTPSA")
        .containsPattern("(?m)^2 +out.esp.example \\[203.0.113.7\\] +mx.example.org +ESMTP +10s")
        .containsPattern(
            "(?m)^3 +mx.example.org \\[198.51.100.20\\] +mail.example.co.jp +ESMTPS +TLSv1.3 +7m20s #+")
        .contains("transit, first to last hop: 7m30s")
        .contains("hop.no-tls");
  }

  @Test
  void jsonShouldListHopsInTransitOrder() throws Exception {
    Path file = Files.writeString(dir.resolve("m.eml"), HEADERS);

    JsonNode json =
        JsonMapper.builder()
            .build()
            .readTree(CliRun.of("headers", file.toString(), "--json").out());

    assertThat(json.get("hops")).hasSize(3);
    assertThat(json.get("hops").get(2).get("tlsCipher").asString())
        .isEqualTo("TLS_AES_256_GCM_SHA384");
    assertThat(json.get("hops").get(2).get("delaySeconds").asLong()).isEqualTo(440);
    assertThat(json.get("transitSeconds").asLong()).isEqualTo(450);
  }

  @Test
  @Timeout(20)
  void hugeMessageShouldBeReadOnlyUpToItsHeaders() throws Exception {
    Path file = dir.resolve("big.eml");
    try (OutputStream out = Files.newOutputStream(file)) {
      out.write(HEADERS.getBytes(StandardCharsets.UTF_8));
      byte[] line = "x".repeat(998).concat("\r\n").getBytes(StandardCharsets.US_ASCII);
      for (int i = 0; i < 50_000; i++) {
        out.write(line);
      }
    }

    assertThat(CliRun.of("headers", file.toString()).out()).contains("transit");
    assertThat(CliRun.of("headers", dir.resolve("none.eml").toString()).exit()).isEqualTo(1);
  }
}
