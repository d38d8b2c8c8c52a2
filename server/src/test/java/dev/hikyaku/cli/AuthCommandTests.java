package dev.hikyaku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import dev.hikyaku.mailauth.dns.LoopbackDnsServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code hikyaku auth check} against a real DNS server (dnsmasq on loopback) that publishes SPF,
 * DKIM and DMARC records for the sending domain, as a receiving MTA would see them.
 */
class AuthCommandTests {

  private static final String BODY =
      "From: \"広報\" <news@example.test>\r\nTo: someone@example.org\r\n"
          + "Subject: =?UTF-8?B?44GK55+l44KJ44Gb?=\r\nDate: Mon, 23 Nov 2026 10:00:00 +0900\r\n"
          + "Message-ID: <1@example.test>\r\n\r\nこんにちは\r\n";

  private static LoopbackDnsServer dns;
  private static byte[] signed;

  @TempDir Path dir;

  @BeforeAll
  static void publishRecords() throws Exception {
    KeyPair key = DkimKeys.generateEd25519();
    byte[] message = BODY.getBytes(StandardCharsets.UTF_8);
    // The signer returns the whole field, ending in CRLF, to put in front of the message.
    String signature =
        DkimSigner.builder("example.test", "ed1", key.getPrivate()).build().sign(message);
    signed = (signature + BODY).getBytes(StandardCharsets.UTF_8);
    dns =
        LoopbackDnsServer.builder()
            .local("example.test")
            .txt("example.test", "v=spf1 ip4:192.0.2.0/24 -all")
            .txt(
                "ed1._domainkey.example.test",
                DkimKeys.txtStrings(DkimKeys.publicKeyRecord(key.getPublic()))
                    .toArray(String[]::new))
            .txt("_dmarc.example.test", "v=DMARC1; p=reject; rua=mailto:dmarc@example.test")
            .start();
  }

  @AfterAll
  static void stopDns() {
    dns.close();
  }

  @Test
  void signedMessageFromAnAuthorisedAddressShouldPassAllThree() throws Exception {
    Path file = Files.write(dir.resolve("ok.eml"), signed);

    CliRun run = check(file, "192.0.2.25", "news@example.test");

    assertThat(run.exit()).isZero();
    assertThat(run.out())
        .containsPattern("(?m)^SPF +pass +mailfrom example.test")
        .containsPattern("(?m)^DKIM +pass +d=example.test s=ed1 a=ed25519-sha256")
        .containsPattern("(?m)^DMARC +pass +from=example.test")
        .contains("Authentication-Results: hikyaku;")
        .contains("dmarc=pass");
  }

  @Test
  void tamperedMessageFromAnotherAddressShouldFailDmarcWithReject() throws Exception {
    String tampered = new String(signed, StandardCharsets.UTF_8).replace("こんにちは", "振込先変更");
    Path file = Files.writeString(dir.resolve("bad.eml"), tampered);

    CliRun run = check(file, "203.0.113.9", "news@example.test", "--json");

    assertThat(run.exit()).isZero();
    JsonNode json = JsonMapper.builder().build().readTree(run.out());
    assertThat(json.get("spf").get("result").asString()).isEqualTo("fail");
    assertThat(json.get("spf").get("explanation").asString())
        .contains("example.test does not designate 203.0.113.9");
    assertThat(json.get("dkim").get(0).get("result").asString()).isEqualTo("fail");
    assertThat(json.get("dkim").get(0).get("reason").asString()).containsIgnoringCase("body");
    assertThat(json.get("dmarc").get("result").asString()).isEqualTo("fail");
    assertThat(json.get("dmarc").get("appliedPolicy").asString()).isEqualTo("reject");
    assertThat(json.get("fromDomains").get(0).asString()).isEqualTo("example.test");
  }

  @Test
  void unsignedBounceShouldUseTheHeloIdentity() throws Exception {
    Path file = Files.writeString(dir.resolve("bounce.eml"), BODY);

    CliRun run = check(file, "192.0.2.25", "");

    assertThat(run.out())
        .containsPattern("(?m)^SPF +none +helo mx.example.test")
        .contains("DKIM   none")
        .containsPattern("(?m)^DMARC +fail");
  }

  @Test
  void badOptionsShouldExitTwoAndMissingFileOne() {
    assertThat(check(dir.resolve("x.eml"), "not-an-ip", "a@b.test").exit()).isEqualTo(2);
    CliRun missing = check(dir.resolve("missing.eml"), "192.0.2.1", "a@b.test");
    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("cannot read");
  }

  private static CliRun check(Path file, String ip, String mailFrom, String... extra) {
    List<String> args =
        new java.util.ArrayList<>(
            List.of(
                "auth",
                "check",
                "--message",
                file.toString(),
                "--ip",
                ip,
                "--helo",
                "mx.example.test",
                "--mail-from",
                mailFrom,
                "--dns",
                dns.address(),
                "--timeout",
                "2"));
    args.addAll(List.of(extra));
    return cli(args.toArray(String[]::new));
  }

  private static CliRun cli(String... args) {
    return CliRun.of(args);
  }
}
