package dev.hikyaku.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dkim.DkimKeys;
import dev.hikyaku.mailauth.dkim.DkimResult;
import dev.hikyaku.mailauth.dkim.DkimSigner;
import dev.hikyaku.mailauth.dkim.DkimVerification;
import dev.hikyaku.mailauth.dkim.DkimVerifier;
import dev.hikyaku.mailauth.dns.InMemoryZone;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PrivateKey;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hikyaku dkim keygen}: a private key file and a TXT record that really go together. */
class DkimCommandTests {

  private static final Pattern ZONE_LINE =
      Pattern.compile("^(\\S+)\\. IN TXT((?: \"[^\"]{1,255}\")+)$", Pattern.MULTILINE);
  private static final byte[] MESSAGE =
      "From: a@example.com\r\nTo: b@example.org\r\nSubject: hi\r\n\r\nHello\r\n"
          .getBytes(StandardCharsets.US_ASCII);

  @TempDir Path out;

  @Test
  void rsaKeygenShouldWriteAPrivateKeyThatSignsForThePrintedRecord() throws IOException {
    CliRun run =
        cli(
            "dkim",
            "keygen",
            "--domain",
            "Example.com",
            "--selector",
            "s2026",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    Path file = out.resolve("s2026._domainkey.example.com.pem");
    assertThat(run.out()).contains("Wrote the private key to " + file);
    PrivateKey key = DkimKeys.readPrivateKey(Files.readString(file));
    assertThat(DkimKeys.keyBits(key)).isEqualTo(2048);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(signAndVerifyWithPrintedRecord(run.out(), key, "s2026")).isEqualTo(DkimResult.PASS);
  }

  @Test
  void ed25519KeygenShouldPrintTheRawKeyRecord() throws IOException {
    CliRun run =
        cli(
            "dkim",
            "keygen",
            "--domain",
            "example.com",
            "--selector",
            "ed",
            "--algorithm",
            "ed25519",
            "--out",
            out.resolve("keys").toString());

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out()).contains("ed._domainkey.example.com. IN TXT \"v=DKIM1; k=ed25519; p=");
    PrivateKey key =
        DkimKeys.readPrivateKey(
            Files.readString(out.resolve("keys/ed._domainkey.example.com.pem")));
    assertThat(signAndVerifyWithPrintedRecord(run.out(), key, "ed")).isEqualTo(DkimResult.PASS);
  }

  @Test
  void aLargeRsaKeyShouldBePrintedInStringsOfAtMost255() {
    CliRun run =
        cli(
            "dkim",
            "keygen",
            "--domain",
            "example.com",
            "--selector",
            "big",
            "--bits",
            "4096",
            "--out",
            out.toString());

    assertThat(run.exit()).as(run.err()).isZero();
    Matcher line = ZONE_LINE.matcher(run.out());
    assertThat(line.find()).as(run.out()).isTrue();
    assertThat(line.group(2).split("\" \"")).hasSizeGreaterThanOrEqualTo(3);
  }

  @Test
  void anExistingKeyFileShouldNeverBeOverwritten() throws IOException {
    String[] args = {
      "dkim",
      "keygen",
      "--domain",
      "example.com",
      "--selector",
      "s1",
      "--algorithm",
      "ed25519",
      "--out",
      out.toString()
    };
    assertThat(cli(args).exit()).isZero();
    Path file = out.resolve("s1._domainkey.example.com.pem");
    String first = Files.readString(file);

    CliRun again = cli(args);

    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("refusing to overwrite " + file);
    assertThat(Files.readString(file)).isEqualTo(first);
  }

  @Test
  void badOptionsShouldGiveAClearMessageAndExit2() {
    assertThat(
            cli(
                "dkim",
                "keygen",
                "--domain",
                "example.com",
                "--selector",
                "s",
                "--algorithm",
                "dsa",
                "--out",
                out.toString()))
        .extracting(CliRun::exit, CliRun::err)
        .containsExactly(2, "unknown algorithm: dsa (rsa or ed25519)\n");
    assertThat(
            cli(
                "dkim",
                "keygen",
                "--domain",
                "example.com",
                "--selector",
                "s",
                "--bits",
                "512",
                "--out",
                out.toString()))
        .extracting(CliRun::exit, CliRun::err)
        .containsExactly(2, "RSA keys must have 1024 to 4096 bits, not 512\n");
    assertThat(
            cli(
                "dkim",
                "keygen",
                "--domain",
                "example.com",
                "--selector",
                "s",
                "--algorithm",
                "ed25519",
                "--bits",
                "2048",
                "--out",
                out.toString()))
        .extracting(CliRun::exit, CliRun::err)
        .containsExactly(2, "--bits applies to rsa keys only\n");
    assertThat(
            cli(
                "dkim",
                "keygen",
                "--domain",
                "localhost",
                "--selector",
                "s",
                "--out",
                out.toString()))
        .extracting(CliRun::exit, CliRun::err)
        .containsExactly(2, "not a valid domain name: localhost\n");
    assertThat(cli("dkim", "keygen", "--selector", "s").exit()).isEqualTo(2);
    assertThat(out).isEmptyDirectory();
  }

  @Test
  void keygenShouldNeedNoDatabase(@TempDir Path data) {
    System.setProperty("hikyaku.platform.data-dir", data.toString());
    try {
      long start = System.nanoTime();
      CliRun run =
          cli(
              "dkim",
              "keygen",
              "--domain",
              "example.com",
              "--selector",
              "s",
              "--algorithm",
              "ed25519",
              "--out",
              out.toString());

      assertThat(run.exit()).as(run.err()).isZero();
      assertThat(data).as("no database or master key was created").isEmptyDirectory();
      assertThat(System.nanoTime() - start)
          .as("no application context was started")
          .isLessThan(5_000_000_000L);
    } finally {
      System.clearProperty("hikyaku.platform.data-dir");
    }
  }

  /** Puts the printed record into a zone, signs with {@code key} and verifies. */
  private static DkimResult signAndVerifyWithPrintedRecord(
      String printed, PrivateKey key, String selector) {
    Matcher line = ZONE_LINE.matcher(printed);
    assertThat(line.find()).as(printed).isTrue();
    List<String> strings = new ArrayList<>();
    Matcher quoted = Pattern.compile("\"([^\"]*)\"").matcher(line.group(2));
    while (quoted.find()) {
      strings.add(quoted.group(1));
    }
    InMemoryZone zone = new InMemoryZone().txt(line.group(1), strings.toArray(String[]::new));
    String field = DkimSigner.builder("example.com", selector, key).build().sign(MESSAGE);
    byte[] signed =
        (field + new String(MESSAGE, StandardCharsets.US_ASCII))
            .getBytes(StandardCharsets.US_ASCII);
    List<DkimVerification> results = new DkimVerifier(zone, Clock.systemUTC()).verify(signed);
    assertThat(results).hasSize(1);
    return results.get(0).result();
  }

  private static CliRun cli(String... args) {
    return CliRun.of(args);
  }
}
