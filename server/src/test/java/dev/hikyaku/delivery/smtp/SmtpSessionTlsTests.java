package dev.hikyaku.delivery.smtp;

import static dev.hikyaku.delivery.smtp.TestCertificates.SERVER_NAME;
import static dev.hikyaku.delivery.smtp.TestSessions.SENDER;
import static dev.hikyaku.delivery.smtp.TestSessions.rcpt;
import static dev.hikyaku.delivery.smtp.TestSessions.simpleMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.delivery.smtp.Interruption.Kind;
import dev.hikyaku.delivery.smtp.PeerVerification.Reason;
import dev.hikyaku.delivery.smtp.PeerVerification.Unverified;
import dev.hikyaku.delivery.smtp.TransactionOutcome.Delivered;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** STARTTLS (RFC 3207) in each TLS mode, against SubEthaSMTP with keytool-made certificates. */
class SmtpSessionTlsTests {

  private final TestCertificates certificates = TestCertificates.get();
  private final RecordingTranscript transcript = new RecordingTranscript();

  @Test
  void opportunisticShouldDeliverOverTlsWithASelfSignedCertificateAndRecordItUnverified() {
    try (SubethaTestServer server =
            SubethaTestServer.builder().startTls(certificates.selfSignedServer()).start();
        SmtpSession session = open(TlsMode.OPPORTUNISTIC, server, SERVER_NAME)) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("t"));

      assertThat(outcome).isInstanceOf(Delivered.class);
      TlsSummary tls = session.tls().orElseThrow();
      assertThat(tls.peerVerified()).isFalse();
      assertThat(tls.verification()).isInstanceOf(Unverified.class);
      assertThat(((Unverified) tls.verification()).reason()).isEqualTo(Reason.UNTRUSTED_CHAIN);
      assertThat(tls.protocol()).isIn("TLSv1.3", "TLSv1.2");
      assertThat(tls.peerSubject()).isEqualTo("CN=" + SERVER_NAME);
      // RFC 3207 §4.2: EHLO again once TLS is up, and nothing but EHLO and STARTTLS before it.
      assertThat(transcript.sent())
          .startsWith("EHLO client.hikyaku.test", "STARTTLS", "EHLO client.hikyaku.test");
    }
  }

  @Test
  void requiredShouldRefuseASelfSignedCertificateBeforeAnyMailIsSent() {
    try (SubethaTestServer server =
        SubethaTestServer.builder().startTls(certificates.selfSignedServer()).start()) {
      SessionOpening opening =
          client(TlsMode.REQUIRED)
              .open(server.address(), SERVER_NAME, Optional.empty(), transcript);

      SessionFailure failure = TestSessions.failure(opening);
      assertThat(failure).isInstanceOf(SessionFailure.PeerNotVerified.class);
      assertThat(((SessionFailure.PeerNotVerified) failure).verification().reason())
          .isEqualTo(Reason.UNTRUSTED_CHAIN);
      assertThat(server.mailCommands()).isZero();
      assertThat(transcript.sent()).containsExactly("EHLO client.hikyaku.test", "STARTTLS");
    }
  }

  @Test
  void requiredShouldDeliverToACaTrustedCertificateForTheServerNameAndRecordTheSession() {
    try (SubethaTestServer server =
            SubethaTestServer.builder().startTls(certificates.caIssuedServer()).start();
        SmtpSession session = open(TlsMode.REQUIRED, server, SERVER_NAME)) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("t"));

      assertThat(outcome).isInstanceOf(Delivered.class);
      TlsSummary tls = session.tls().orElseThrow();
      assertThat(tls.peerVerified()).isTrue();
      assertThat(tls.protocol()).isIn("TLSv1.3", "TLSv1.2");
      assertThat(tls.cipherSuite()).startsWith("TLS_");
      assertThat(tls.peerSubject()).isEqualTo("CN=" + SERVER_NAME);
      assertThat(transcript.lines())
          .anyMatch(l -> l.startsWith("* TLS TLSv1.") && l.endsWith("verified"));
    }
  }

  @Test
  void requiredShouldRefuseATrustedCertificateForAnotherName() {
    try (SubethaTestServer server =
        SubethaTestServer.builder().startTls(certificates.caIssuedServer()).start()) {
      SessionOpening opening =
          client(TlsMode.REQUIRED)
              .open(server.address(), "other.hikyaku.test", Optional.empty(), transcript);

      SessionFailure failure = TestSessions.failure(opening);
      assertThat(failure).isInstanceOf(SessionFailure.PeerNotVerified.class);
      Unverified verdict = ((SessionFailure.PeerNotVerified) failure).verification();
      assertThat(verdict.reason()).isEqualTo(Reason.NAME_MISMATCH);
      assertThat(verdict.detail()).contains(SERVER_NAME).contains("other.hikyaku.test");
      assertThat(server.mailCommands()).isZero();
    }
  }

  @Test
  void opportunisticShouldDeliverDespiteANameMismatchAndRecordIt() {
    try (SubethaTestServer server =
            SubethaTestServer.builder().startTls(certificates.caIssuedServer()).start();
        SmtpSession session = open(TlsMode.OPPORTUNISTIC, server, "other.hikyaku.test")) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("t"));

      assertThat(outcome).isInstanceOf(Delivered.class);
      assertThat(session.tls().orElseThrow().verification())
          .isInstanceOfSatisfying(
              Unverified.class, u -> assertThat(u.reason()).isEqualTo(Reason.NAME_MISMATCH));
    }
  }

  @Test
  void requiredShouldFailWithoutSendingMailInClearWhenStartTlsIsNotOffered() {
    try (SubethaTestServer server = SubethaTestServer.builder().start()) {
      SessionOpening opening =
          client(TlsMode.REQUIRED)
              .open(server.address(), SERVER_NAME, Optional.empty(), transcript);

      assertThat(TestSessions.failure(opening)).isInstanceOf(SessionFailure.TlsNotOffered.class);
      assertThat(server.mailCommands()).isZero();
      assertThat(server.received()).isEmpty();
      assertThat(transcript.sent()).containsExactly("EHLO client.hikyaku.test", "QUIT");
    }
  }

  @Test
  void opportunisticShouldContinueInClearWhenStartTlsIsNotOffered() {
    try (SubethaTestServer server = SubethaTestServer.builder().start();
        SmtpSession session = open(TlsMode.OPPORTUNISTIC, server, SERVER_NAME)) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("t"));

      assertThat(outcome).isInstanceOf(Delivered.class);
      assertThat(session.tls()).isEmpty();
    }
  }

  @Test
  void repliesInjectedBeforeTlsShouldEndTheSession() throws IOException {
    PeerScript script =
        offeringStartTls()
            .raw("220 2.0.0 go ahead\r\n250-injected.hikyaku.test\r\n250 AUTH PLAIN\r\n");
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(script)) {
      SessionFailure failure =
          TestSessions.failure(
              new SmtpClient(TestSessions.settings().tlsMode(TlsMode.OPPORTUNISTIC).build())
                  .open(peer.address(), "peer.hikyaku.test"));

      assertThat(failure)
          .isInstanceOfSatisfying(
              SessionFailure.Interrupted.class,
              i -> {
                assertThat(i.interruption().kind()).isEqualTo(Kind.PROTOCOL_VIOLATION);
                assertThat(i.interruption().stage()).isEqualTo(SmtpStage.STARTTLS);
              });
    }
  }

  @Test
  void peerThatDoesNotSpeakTlsAfterStartTlsShouldBeAHandshakeFailure() throws IOException {
    PeerScript script =
        offeringStartTls()
            .reply("220 2.0.0 go ahead")
            .pause(Duration.ofMillis(200))
            .reply("250 this is not a TLS record")
            .stall();
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(script)) {
      SessionFailure failure =
          TestSessions.failure(
              new SmtpClient(TestSessions.settings().tlsMode(TlsMode.OPPORTUNISTIC).build())
                  .open(peer.address(), "peer.hikyaku.test"));

      assertThat(failure).isInstanceOf(SessionFailure.TlsHandshakeFailed.class);
    }
  }

  private SmtpClient client(TlsMode mode) {
    return new SmtpClient(
        TestSessions.settings().tlsMode(mode).build(), certificates.trustTestCa());
  }

  private SmtpSession open(TlsMode mode, SubethaTestServer server, String name) {
    return TestSessions.open(client(mode), server.address(), name, transcript);
  }

  private static PeerScript offeringStartTls() {
    return ScriptedSmtpPeer.script()
        .reply("220 peer.hikyaku.test ESMTP")
        .expect("EHLO client.hikyaku.test")
        .reply("250-peer.hikyaku.test", "250 STARTTLS")
        .expect("STARTTLS");
  }
}
