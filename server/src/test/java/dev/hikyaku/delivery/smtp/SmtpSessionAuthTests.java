package dev.hikyaku.delivery.smtp;

import static dev.hikyaku.delivery.smtp.TestCertificates.SERVER_NAME;
import static dev.hikyaku.delivery.smtp.TestSessions.SENDER;
import static dev.hikyaku.delivery.smtp.TestSessions.rcpt;
import static dev.hikyaku.delivery.smtp.TestSessions.simpleMessage;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** AUTH (RFC 4954) to a relay, against SubEthaSMTP; credentials never show. */
class SmtpSessionAuthTests {

  private static final String USER = "relay-user";
  private static final String PASSWORD = "s3cret-Pa55word";

  private final TestCertificates certificates = TestCertificates.get();
  private final RecordingTranscript transcript = new RecordingTranscript();

  @Test
  void authPlainOverStartTlsShouldSucceedAndNeverShowTheCredentials() {
    try (SubethaTestServer server =
            SubethaTestServer.builder()
                .startTls(certificates.caIssuedServer())
                .auth(USER, PASSWORD)
                .start();
        SmtpSession session =
            TestSessions.open(
                client(TlsMode.REQUIRED, false),
                server.address(),
                SERVER_NAME,
                Optional.of(new SmtpCredentials(USER, PASSWORD)),
                transcript)) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("a"));

      assertThat(session.authenticated()).isTrue();
      assertThat(outcome).isInstanceOf(TransactionOutcome.Delivered.class);
      assertThat(transcript.sent()).contains("AUTH PLAIN <credentials>");
      assertNoCredentialsIn(transcript.all());
    }
  }

  @Test
  void wrongPasswordShouldBeATypedRefusalWithoutTheCredentialsInIt() {
    try (SubethaTestServer server =
        SubethaTestServer.builder()
            .startTls(certificates.caIssuedServer())
            .auth(USER, "another password")
            .start()) {
      SessionOpening opening =
          client(TlsMode.REQUIRED, false)
              .open(
                  server.address(),
                  SERVER_NAME,
                  Optional.of(new SmtpCredentials(USER, PASSWORD)),
                  transcript);

      SessionFailure failure = TestSessions.failure(opening);
      assertThat(failure).isInstanceOf(SessionFailure.Refused.class);
      SessionFailure.Refused refused = (SessionFailure.Refused) failure;
      assertThat(refused.stage()).isEqualTo(SmtpStage.AUTH);
      assertThat(refused.reply().code()).isEqualTo(535);
      assertThat(server.mailCommands()).isZero();
      assertNoCredentialsIn(failure.toString());
      assertNoCredentialsIn(transcript.all());
    }
  }

  @Test
  void authLoginShouldBeUsedOnLoopbackWhenExplicitlyAllowedWithoutTls() throws IOException {
    try (ScriptedSmtpPeer peer =
            ScriptedSmtpPeer.start(
                ScriptedSmtpPeer.script()
                    .reply("220 peer.hikyaku.test ESMTP")
                    .expect("EHLO")
                    .reply("250-peer.hikyaku.test", "250 AUTH LOGIN")
                    .expect("AUTH LOGIN")
                    .reply("334 VXNlcm5hbWU6")
                    .expect(base64(USER))
                    .reply("334 UGFzc3dvcmQ6")
                    .expect(base64(PASSWORD))
                    .reply("235 2.7.0 authenticated"));
        SmtpSession session =
            TestSessions.open(
                client(TlsMode.NONE, true),
                peer.address(),
                "peer.hikyaku.test",
                Optional.of(new SmtpCredentials(USER, PASSWORD)),
                transcript)) {
      assertThat(session.authenticated()).isTrue();
      assertThat(peer.failures()).isEmpty();
      assertNoCredentialsIn(transcript.all());
    }
  }

  @Test
  void credentialsShouldNotBeSentOverAConnectionWithoutTls() {
    try (SubethaTestServer server = SubethaTestServer.builder().auth(USER, PASSWORD).start()) {
      SessionOpening opening =
          client(TlsMode.OPPORTUNISTIC, false)
              .open(
                  server.address(),
                  SERVER_NAME,
                  Optional.of(new SmtpCredentials(USER, PASSWORD)),
                  transcript);

      assertThat(TestSessions.failure(opening)).isInstanceOf(SessionFailure.AuthNotPossible.class);
      assertThat(transcript.sent()).noneMatch(l -> l.startsWith("AUTH"));
    }
  }

  @Test
  void credentialsShouldNeverAppearInTheirOwnToString() {
    assertNoCredentialsIn(new SmtpCredentials(USER, PASSWORD).toString());
  }

  private SmtpClient client(TlsMode mode, boolean plaintextAuthOnLoopback) {
    return new SmtpClient(
        TestSessions.settings()
            .tlsMode(mode)
            .plaintextAuthOnLoopback(plaintextAuthOnLoopback)
            .build(),
        certificates.trustTestCa());
  }

  private static void assertNoCredentialsIn(String text) {
    assertThat(text)
        .doesNotContain(PASSWORD)
        .doesNotContain(USER)
        .doesNotContain(base64(PASSWORD))
        .doesNotContain(base64(USER))
        .doesNotContain(base64("\0" + USER + "\0" + PASSWORD));
  }

  private static String base64(String s) {
    return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
  }
}
