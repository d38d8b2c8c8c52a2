package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.bytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.keys;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.prepend;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks with dkimpy (Debian's python3-dkim), both ways: dkimpy verifies what we sign and we
 * verify what dkimpy signs, for both algorithms and all four canonicalization pairs. dkimpy gets
 * the key record through its {@code dnsfunc} hook, so no DNS is involved.
 */
class DkimpyInteropTests {

  private static final String PYTHON = "/usr/bin/python3";
  private static final Duration LIMIT = Duration.ofSeconds(60);

  /** argv: verify MESSAGE NAME RECORD | sign MESSAGE KEY SELECTOR DOMAIN ALGORITHM HEADER BODY. */
  private static final String SCRIPT =
      """
      import sys, dkim
      def data(path):
          with open(path, 'rb') as f:
              return f.read()
      if sys.argv[1] == 'verify':
          message, name, record = data(sys.argv[2]), sys.argv[3].encode(), data(sys.argv[4])
          def dnsfunc(query, timeout=5):
              return record if query.rstrip(b'.') == name else None
          print('pass' if dkim.verify(message, dnsfunc=dnsfunc, minkey=1024) else 'fail')
      else:
          message, key = data(sys.argv[2]), data(sys.argv[3])
          selector, domain, algorithm, header, body = [a.encode() for a in sys.argv[4:9]]
          sys.stdout.buffer.write(dkim.sign(message, selector, domain, key,
              canonicalize=(header, body), signature_algorithm=algorithm))
      """;

  @TempDir static Path work;
  private static Path script;

  @BeforeAll
  static void dkimpyMustBeInstalled() throws IOException {
    ExternalTool.require(PYTHON, "python3");
    ExternalTool.Run probe =
        ExternalTool.run(List.of(PYTHON, "-c", "import dkim, nacl"), new byte[0], LIMIT);
    assertThat(probe.exit())
        .as(
            "dkimpy and PyNaCl must be importable (apt-get install python3-dkim python3-nacl): %s",
            probe.err())
        .isZero();
    script = Files.writeString(work.resolve("dkimpy.py"), SCRIPT);
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("dev.hikyaku.mailauth.dkim.DkimRoundTripTests#everyCombination")
  void dkimpyShouldVerifyWhatWeSign(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body) throws IOException {
    String field =
        DkimSigner.builder("example.com", "sel", keys(algorithm).getPrivate())
            .canonicalization(header, body)
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);

    assertThat(dkimpyVerify(prepend(field, MESSAGE), algorithm)).isEqualTo("pass");
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("dev.hikyaku.mailauth.dkim.DkimRoundTripTests#everyCombination")
  void weShouldVerifyWhatDkimpySigns(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body) throws IOException {
    String field = dkimpySign(MESSAGE, algorithm, header, body);

    assertThat(field).contains("a=" + algorithm.rfcName()).contains("c=" + header + "/" + body);
    List<DkimVerification> results =
        new DkimVerifier(zone("sel", "example.com", keys(algorithm).getPublic()), Clock.systemUTC())
            .verify(prepend(field, MESSAGE));
    assertThat(results)
        .singleElement()
        .satisfies(r -> assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS));
  }

  @Test
  void dkimpyShouldRejectATamperedMessageSoThePassesAboveMeanSomething() throws IOException {
    String field =
        DkimSigner.builder("example.com", "sel", keys(DkimAlgorithm.ED25519_SHA256).getPrivate())
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);
    byte[] tampered =
        bytes(
            new String(prepend(field, MESSAGE), StandardCharsets.UTF_8)
                .replace("Quarterly", "Annual"));

    assertThat(dkimpyVerify(tampered, DkimAlgorithm.ED25519_SHA256)).isEqualTo("fail");
  }

  private static String dkimpyVerify(byte[] message, DkimAlgorithm algorithm) throws IOException {
    Path file = Files.write(Files.createTempFile(work, "msg", ".eml"), message);
    Path record =
        Files.writeString(
            Files.createTempFile(work, "key", ".txt"),
            DkimKeys.publicKeyRecord(keys(algorithm).getPublic()));
    ExternalTool.Run run =
        ExternalTool.run(
            List.of(
                PYTHON,
                script.toString(),
                "verify",
                file.toString(),
                "sel._domainkey.example.com",
                record.toString()),
            new byte[0],
            LIMIT);
    assertThat(run.exit()).as(run.err()).isZero();
    return run.out().strip();
  }

  private static String dkimpySign(
      byte[] message, DkimAlgorithm algorithm, Canonicalization header, Canonicalization body)
      throws IOException {
    KeyPair keys = keys(algorithm);
    // dkimpy reads RSA keys as PEM and Ed25519 keys as the base64 of the 32-byte seed.
    String key =
        algorithm == DkimAlgorithm.RSA_SHA256
            ? DkimKeys.toPem(keys.getPrivate())
            : Base64.getEncoder().encodeToString(DkimFixtures.ed25519Seed(keys.getPrivate()));
    Path file = Files.write(Files.createTempFile(work, "msg", ".eml"), message);
    Path keyFile = Files.writeString(Files.createTempFile(work, "key", ".pem"), key);
    ExternalTool.Run run =
        ExternalTool.run(
            List.of(
                PYTHON,
                script.toString(),
                "sign",
                file.toString(),
                keyFile.toString(),
                "sel",
                "example.com",
                algorithm.rfcName(),
                header.rfcName(),
                body.rfcName()),
            new byte[0],
            LIMIT);
    assertThat(run.exit()).as(run.err()).isZero();
    return run.out();
  }
}
