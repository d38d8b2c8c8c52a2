package dev.hikyaku.mailauth.dkim;

import static dev.hikyaku.mailauth.dkim.DkimFixtures.CLOCK;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.MESSAGE_TEXT;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.bytes;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.ed25519;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.keys;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.prepend;
import static dev.hikyaku.mailauth.dkim.DkimFixtures.rsa;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.mailauth.dns.LoopbackDnsServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Cross-checks with OpenDKIM 2.11 (Debian's opendkim), both ways, through real DNS: dnsmasq serves
 * the key records on a loopback port. The opendkim filter runs in its test mode ({@code -t}):
 * signing with {@code -b s}, printing the field it would insert; verifying with libunbound
 * forwarded to dnsmasq ({@code ResolverConfiguration}), printing its Authentication-Results. We
 * verify OpenDKIM's signatures with {@link dev.hikyaku.mailauth.dns.DnsJavaResolver} against the
 * same dnsmasq.
 *
 * <p>The test mode feeds each header field to the filter as a name and a value, as libmilter does,
 * and rebuilds it as {@code name + ": " + value}: the whitespace right after the colon is not kept
 * (dkimpy rejects OpenDKIM's simple-header signatures over "Subject: x" too). So the message here
 * has exactly one space after each colon; folding, inner and trailing whitespace and the body's
 * whitespace stay as messy as in the other tests.
 */
class DkimOpenDkimInteropTests {

  private static final String OPENDKIM = "/usr/sbin/opendkim";
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private static final Pattern INSERTED =
      Pattern.compile("### INSHEADER: idx=\\d+ hname='([^']+)' hvalue='([^']*)'");

  private static final byte[] MESSAGE =
      bytes(MESSAGE_TEXT.replace("Subject:   Quarterly", "Subject: Quarterly"));

  @TempDir static Path work;
  private static LoopbackDnsServer dns;

  @BeforeAll
  static void startDns() throws Exception {
    ExternalTool.require(OPENDKIM, "opendkim");
    dns =
        LoopbackDnsServer.builder()
            .txt(
                "rsa._domainkey.example.com",
                DkimKeys.txtStrings(DkimKeys.publicKeyRecord(rsa().getPublic()))
                    .toArray(String[]::new))
            .txt(
                "ed._domainkey.example.com",
                DkimKeys.txtStrings(DkimKeys.publicKeyRecord(ed25519().getPublic()))
                    .toArray(String[]::new))
            .start();
  }

  @AfterAll
  static void stopDns() {
    if (dns != null) {
      dns.close();
    }
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("dev.hikyaku.mailauth.dkim.DkimRoundTripTests#everyCombination")
  void openDkimShouldVerifyWhatWeSign(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body) throws IOException {
    String field =
        DkimSigner.builder("example.com", selector(algorithm), keys(algorithm).getPrivate())
            .canonicalization(header, body)
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);

    String results = openDkimVerify(prepend(field, MESSAGE));

    assertThat(results)
        .contains("dkim=pass")
        .contains("header.a=" + algorithm.rfcName())
        .contains("header.s=" + selector(algorithm));
  }

  /** Every combination but Ed25519 with simple header canonicalization; see below. */
  static Stream<Arguments> whatOpenDkimSignsCorrectly() {
    return DkimRoundTripTests.everyCombination()
        .filter(
            a -> a.get()[0] == DkimAlgorithm.RSA_SHA256 || a.get()[1] == Canonicalization.RELAXED);
  }

  @ParameterizedTest(name = "{0} {1}/{2}")
  @MethodSource("whatOpenDkimSignsCorrectly")
  void weShouldVerifyWhatOpenDkimSigns(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body) throws IOException {
    String field = openDkimSign(algorithm, header, body);

    assertThat(field).contains("a=" + algorithm.rfcName()).contains("c=" + header + "/" + body);
    List<DkimVerification> results =
        new DkimVerifier(dns.resolver(), Clock.systemUTC()).verify(prepend(field, MESSAGE));
    assertThat(results)
        .singleElement()
        .satisfies(r -> assertThat(r.result()).as(r.reason()).isEqualTo(DkimResult.PASS));
  }

  /**
   * OpenDKIM 2.11.0~beta2 (Debian 12) makes invalid Ed25519 signatures when the header
   * canonicalization is simple: its own verifier rejects them too (and so does dkimpy), while its
   * relaxed-header Ed25519 signatures and all its RSA signatures verify. If this test starts
   * failing, Debian has fixed OpenDKIM: move these cases back into {@link
   * #whatOpenDkimSignsCorrectly}.
   */
  @ParameterizedTest
  @EnumSource(Canonicalization.class)
  void openDkimsEd25519SignaturesWithSimpleHeadersAreRejectedByOpenDkimItselfToo(
      Canonicalization body) throws IOException {
    String field = openDkimSign(DkimAlgorithm.ED25519_SHA256, Canonicalization.SIMPLE, body);
    byte[] signed = prepend(field, MESSAGE);

    assertThat(openDkimVerify(signed)).contains("dkim=fail");
    assertThat(new DkimVerifier(dns.resolver(), Clock.systemUTC()).verify(signed))
        .singleElement()
        .extracting(DkimVerification::result, DkimVerification::reason)
        .containsExactly(DkimResult.FAIL, "signature did not verify");
  }

  @Test
  void openDkimShouldRejectATamperedBodySoThePassesAboveMeanSomething() throws IOException {
    String field =
        DkimSigner.builder("example.com", "ed", ed25519().getPrivate())
            .clock(CLOCK)
            .build()
            .sign(MESSAGE);
    byte[] tampered =
        bytes(
            new String(prepend(field, MESSAGE), StandardCharsets.UTF_8)
                .replace("attached", "missing"));

    assertThat(openDkimVerify(tampered)).contains("dkim=fail");
  }

  private static String selector(DkimAlgorithm algorithm) {
    return algorithm == DkimAlgorithm.RSA_SHA256 ? "rsa" : "ed";
  }

  /** OpenDKIM's Authentication-Results for {@code message}, looking keys up in dnsmasq. */
  private static String openDkimVerify(byte[] message) throws IOException {
    Path unbound =
        Files.writeString(
            work.resolve("unbound.conf"),
            """
            server:
              do-not-query-localhost: no
            forward-zone:
              name: "."
              forward-addr: 127.0.0.1@%d
            """
                .formatted(dns.port()));
    Path config =
        Files.writeString(
            Files.createTempFile(work, "verify", ".conf"),
            """
            Mode v
            Syslog no
            AlwaysAddARHeader yes
            AuthservID hikyaku-test
            MinimumKeyBits 1024
            ResolverConfiguration %s
            """
                .formatted(unbound));
    Path file = Files.write(Files.createTempFile(work, "msg", ".eml"), message);
    ExternalTool.Run run =
        ExternalTool.run(
            List.of(OPENDKIM, "-x", config.toString(), "-t", file.toString(), "-vv"),
            new byte[0],
            LIMIT);
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    return inserted(run.out(), "Authentication-Results");
  }

  /** The DKIM-Signature field OpenDKIM adds to {@link DkimFixtures#MESSAGE}, CRLF-terminated. */
  private static String openDkimSign(
      DkimAlgorithm algorithm, Canonicalization header, Canonicalization body) throws IOException {
    Path key =
        Files.writeString(
            Files.createTempFile(work, "key", ".pem"),
            DkimKeys.toPem(keys(algorithm).getPrivate()));
    Path config =
        Files.writeString(
            Files.createTempFile(work, "sign", ".conf"),
            """
            Mode s
            Syslog no
            Domain example.com
            Selector %s
            KeyFile %s
            RequireSafeKeys no
            SignatureAlgorithm %s
            Canonicalization %s/%s
            OversignHeaders From
            """
                .formatted(selector(algorithm), key, algorithm.rfcName(), header, body));
    Path file = Files.write(Files.createTempFile(work, "msg", ".eml"), MESSAGE);
    ExternalTool.Run run =
        ExternalTool.run(
            List.of(OPENDKIM, "-x", config.toString(), "-b", "s", "-t", file.toString(), "-vv"),
            new byte[0],
            LIMIT);
    assertThat(run.exit()).as(run.out() + run.err()).isZero();
    // The filter prints the field folded with bare LF; on the wire it is CRLF.
    return "DKIM-Signature: "
        + inserted(run.out(), "DKIM-Signature").replace("\n", "\r\n")
        + "\r\n";
  }

  private static String inserted(String output, String name) {
    Matcher m = INSERTED.matcher(output);
    while (m.find()) {
      if (m.group(1).equals(name)) {
        return m.group(2);
      }
    }
    throw new AssertionError("OpenDKIM inserted no " + name + " field:\n" + output);
  }
}
