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
      X-Forefront-Antispam-Report: CIP:203.0.113.7;SCL:1;SFV:NSPM;CAT:NONE;DIR:INB;
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
        .contains("hop.no-tls")
        .containsPattern("(?m)^  Microsoft 365 +ok +SFV NSPM: not spam");
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

  /** A message whose Subject is raw Shift_JIS and whose body is Shift_JIS declared ISO-2022-JP. */
  private Path mojibake() throws Exception {
    java.io.ByteArrayOutputStream message = new java.io.ByteArrayOutputStream();
    message.writeBytes(HEADERS.substring(0, HEADERS.indexOf("Subject: ")).getBytes());
    message.writeBytes("Subject: ".getBytes());
    message.writeBytes("会議のお知らせ".getBytes("Shift_JIS"));
    message.writeBytes(
        "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=ISO-2022-JP\r\n"
            .concat("Content-Transfer-Encoding: 8bit\r\n\r\n")
            .getBytes());
    message.writeBytes("田中様\r\n資料をお送りします。\r\n".getBytes("Shift_JIS"));
    return Files.write(dir.resolve("mojibake.eml"), message.toByteArray());
  }

  @Test
  void encodingSectionShouldNameTheCauseAndShowWhatTheTextSays() throws Exception {
    CliRun run = CliRun.of("headers", mojibake().toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^3 +mx.example.org")
        .contains("\nEncoding\n")
        .contains("  Subject: 会議のお知らせ\n    raw: \\x89\\xEF")
        .contains(
            "  body: text/plain, charset ISO-2022-JP, 8bit; detected Shift_JIS; as declared: ")
        .contains("    preview (windows-31j): 田中様 資料をお送りします。")
        .containsPattern("(?m)^PROBLEM +header.raw-8bit +Subject contains raw 8-bit bytes")
        .containsPattern(
            "(?m)^PROBLEM +body.charset-mismatch +body \\(text/plain\\) is declared"
                + " charset=ISO-2022-JP but the bytes are Shift_JIS.*; fix: .* \\(body\\)$");
  }

  @Test
  void aCleanMessageShouldSayThereAreNoEncodingFindings() throws Exception {
    Path file = Files.writeString(dir.resolve("m.eml"), HEADERS);

    assertThat(CliRun.of("headers", file.toString()).out())
        .contains("\nEncoding\n  body: text/plain, charset not declared, 7bit (default);")
        .contains("no encoding findings");
  }

  @Test
  void jsonShouldHaveAnEncodingObject() throws Exception {
    JsonNode json =
        JsonMapper.builder()
            .build()
            .readTree(CliRun.of("headers", mojibake().toString(), "--json").out());

    JsonNode encoding = json.get("encoding");
    assertThat(json.get("hops")).hasSize(3);
    assertThat(encoding.get("mimeVersion").asBoolean()).isTrue();
    assertThat(encoding.get("headers").get(0).get("decoded").asString()).isEqualTo("会議のお知らせ");
    assertThat(encoding.get("headers").get(0).get("rawBytes").get("charset").asString())
        .isEqualTo("Shift_JIS");
    JsonNode part = encoding.get("parts").get(0);
    assertThat(part.get("charset").asString()).isEqualTo("ISO-2022-JP");
    assertThat(part.get("detected").get("charset").asString()).isEqualTo("Shift_JIS");
    assertThat(part.get("declaredDecoding").get("result").asString()).isEqualTo("replacements");
    assertThat(part.get("preview").asString()).isEqualTo("田中様 資料をお送りします。");
    assertThat(encoding.get("findings"))
        .extracting(f -> f.get("code").asString())
        .containsExactly("header.raw-8bit", "body.charset-mismatch");
    assertThat(encoding.get("findings").get(1).get("fix").asString()).contains("UTF-8");
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

    assertThat(CliRun.of("headers", file.toString()).out())
        .contains("transit")
        .contains("analysed 131072 of 50000006 bytes");
    assertThat(CliRun.of("headers", dir.resolve("none.eml").toString()).exit()).isEqualTo(1);
  }

  @Test
  void recheckShouldReportWhatChangedSinceDelivery() throws Exception {
    var key = dev.hikyaku.mailauth.dkim.DkimKeys.generateEd25519();
    String original =
        "From: news@example.test\r\nTo: a@example.org\r\nSubject: s\r\n"
            + "Date: Mon, 23 Nov 2026 10:00:00 +0900\r\nMessage-ID: <1@example.test>\r\n\r\nbody\r\n";
    String signature =
        dev.hikyaku.mailauth.dkim.DkimSigner.builder("example.test", "s1", key.getPrivate())
            .build()
            .sign(original.getBytes(StandardCharsets.UTF_8));
    String trace =
        "Authentication-Results: mx.example.org; spf=pass smtp.mailfrom=b@example.test;"
            + " dkim=pass header.d=example.test; dmarc=pass header.from=example.test\r\n"
            + "Return-Path: <b@example.test>\r\n"
            + "Received: from out.example.test (out.example.test [192.0.2.25])\r\n"
            + "\tby mx.example.org (Postfix) with ESMTPS id 4AbC; Mon, 23 Nov 2026 10:00:05 +0900\r\n";
    Path file =
        Files.writeString(
            dir.resolve("r.eml"), trace + signature + original.replace("body", "changed"));
    try (var dns =
        dev.hikyaku.mailauth.dns.LoopbackDnsServer.builder()
            .local("example.test")
            .txt("example.test", "v=spf1 ip4:192.0.2.0/24 -all")
            .txt(
                "s1._domainkey.example.test",
                dev.hikyaku.mailauth.dkim.DkimKeys.publicKeyRecord(key.getPublic()))
            .txt("_dmarc.example.test", "v=DMARC1; p=reject")
            .start()) {
      CliRun run = CliRun.of("headers", file.toString(), "--recheck", "--dns", dns.address());

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(run.out())
          .contains("Authentication results recorded")
          .containsPattern("(?m)^  1 mx.example.org +dkim +pass")
          .contains("Re-check now:")
          .contains("auth.differs")
          .contains("dkim: mx.example.org recorded pass, the re-check gives fail");
    }
  }

  @Test
  void redactShouldMaskConsistentlyAndKeepTheMappingOutOfTheOutput() throws Exception {
    Path file = Files.writeString(dir.resolve("m.eml"), HEADERS);

    CliRun run = CliRun.of("headers", file.toString(), "--redact");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .doesNotContain("tanaka@example.co.jp")
        .doesNotContain("news@esp.example")
        .contains("[subject redacted]")
        .contains("Received: from ")
        .doesNotContain("body");
    String token = run.out().replaceAll("(?s).*\\nTo: (\\S+).*", "$1").strip();
    assertThat(run.out()).contains("for <" + token + ">");
    assertThat(run.err()).contains("tanaka@example.co.jp -> " + token);
  }
}
