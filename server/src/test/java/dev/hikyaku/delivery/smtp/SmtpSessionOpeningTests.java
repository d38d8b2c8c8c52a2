package dev.hikyaku.delivery.smtp;

import static dev.hikyaku.delivery.smtp.TestSessions.SENDER;
import static dev.hikyaku.delivery.smtp.TestSessions.message;
import static dev.hikyaku.delivery.smtp.TestSessions.rcpt;
import static dev.hikyaku.delivery.smtp.TestSessions.simpleMessage;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hikyaku.delivery.smtp.Interruption.Kind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Opening a session: greeting, EHLO/HELO, and the ways it fails before any transaction. */
class SmtpSessionOpeningTests {

  private final RecordingTranscript transcript = new RecordingTranscript();

  @Test
  void busyGreeting421ShouldBeATypedRefusal() {
    try (SubethaTestServer server =
        SubethaTestServer.builder().refuseConnections(421, "4.3.2 too busy, try later").start()) {
      SessionFailure failure = TestSessions.failure(open(server.address()));

      assertThat(failure).isInstanceOf(SessionFailure.Refused.class);
      SessionFailure.Refused refused = (SessionFailure.Refused) failure;
      assertThat(refused.stage()).isEqualTo(SmtpStage.GREETING);
      assertThat(refused.reply().code()).isEqualTo(421);
      assertThat(refused.reply().isTransient()).isTrue();
      assertThat(refused.reply().enhancedStatus()).hasValue(new EnhancedStatusCode(4, 3, 2));
      assertThat(server.mailCommands()).isZero();
    }
  }

  @Test
  void noServiceGreeting554ShouldBeAPermanentRefusal() {
    try (SubethaTestServer server =
        SubethaTestServer.builder().refuseConnections(554, "5.7.1 no service for you").start()) {
      SessionFailure failure = TestSessions.failure(open(server.address()));

      assertThat(failure)
          .isInstanceOfSatisfying(
              SessionFailure.Refused.class, r -> assertThat(r.reply().isPermanent()).isTrue());
    }
  }

  @Test
  void closedPortShouldBeAConnectFailure() throws IOException {
    InetSocketAddress nobody;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      nobody = new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }
    SessionFailure failure = TestSessions.failure(open(nobody));

    assertThat(failure)
        .isInstanceOfSatisfying(
            SessionFailure.Interrupted.class,
            i -> {
              assertThat(i.interruption().kind()).isEqualTo(Kind.CONNECT_FAILED);
              assertThat(i.interruption().stage()).isEqualTo(SmtpStage.CONNECT);
            });
  }

  @Test
  void ehloRefusedWith5xxShouldFallBackToHeloWithoutExtensions() throws IOException {
    try (ScriptedSmtpPeer peer =
            ScriptedSmtpPeer.start(
                ScriptedSmtpPeer.script()
                    .reply("220 old.hikyaku.test SMTP")
                    .expect("EHLO client.hikyaku.test")
                    .reply("502 5.5.2 command not recognised")
                    .expect("HELO client.hikyaku.test")
                    .reply("250 old.hikyaku.test")
                    .expect("MAIL FROM:<bounces@sender.hikyaku.test>")
                    .reply("250 ok")
                    .expect("RCPT TO:<ann@rcpt.hikyaku.test>")
                    .reply("250 ok")
                    .expect("DATA")
                    .reply("354 go ahead")
                    .readData()
                    .reply("250 queued"));
        SmtpSession session =
            TestSessions.open(client(), peer.address(), "old.hikyaku.test", transcript)) {
      assertThat(session.extensions()).isEqualTo(EhloExtensions.none());

      TransactionOutcome eightBit =
          session.send(Envelope.of(SENDER, rcpt("ann")), message("Subject: x\r\n\r\nÄ\r\n"));
      TransactionOutcome plain = session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("x"));

      assertThat(eightBit)
          .isInstanceOfSatisfying(
              TransactionOutcome.NotSent.class,
              n -> assertThat(n.refusal()).isEqualTo(LocalRefusal.EIGHT_BIT_MIME_NOT_SUPPORTED));
      assertThat(plain).isInstanceOf(TransactionOutcome.Delivered.class);
      assertThat(peer.failures()).isEmpty();
    }
  }

  @Test
  void ehloRefusedWith4xxShouldBeATypedRefusal() throws IOException {
    try (ScriptedSmtpPeer peer =
        ScriptedSmtpPeer.start(
            ScriptedSmtpPeer.script()
                .reply("220 peer.hikyaku.test ESMTP")
                .expect("EHLO")
                .reply("421 4.7.0 too many connections from your address"))) {
      SessionFailure failure = TestSessions.failure(open(peer.address()));

      assertThat(failure)
          .isInstanceOfSatisfying(
              SessionFailure.Refused.class,
              r -> {
                assertThat(r.stage()).isEqualTo(SmtpStage.EHLO);
                assertThat(r.reply().code()).isEqualTo(421);
              });
    }
  }

  @Test
  void stalledGreetingShouldTimeOutNamingTheStage() throws IOException {
    SmtpClient impatient =
        new SmtpClient(TestSessions.settings().greetingTimeout(Duration.ofMillis(300)).build());
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(ScriptedSmtpPeer.script().stall())) {
      SessionFailure failure =
          TestSessions.failure(
              impatient.open(peer.address(), "peer.hikyaku.test", Optional.empty(), transcript));

      assertThat(failure)
          .isInstanceOfSatisfying(
              SessionFailure.Interrupted.class,
              i -> {
                assertThat(i.interruption().kind()).isEqualTo(Kind.TIMEOUT);
                assertThat(i.interruption().stage()).isEqualTo(SmtpStage.GREETING);
              });
    }
  }

  @Test
  void endlessReplyLineShouldEndTheSessionAsAProtocolViolation() throws IOException {
    try (ScriptedSmtpPeer peer =
        ScriptedSmtpPeer.start(ScriptedSmtpPeer.script().endlessLine("220 "))) {
      SessionFailure failure = TestSessions.failure(open(peer.address()));

      assertThat(failure)
          .isInstanceOfSatisfying(
              SessionFailure.Interrupted.class,
              i -> {
                assertThat(i.interruption().kind()).isEqualTo(Kind.PROTOCOL_VIOLATION);
                assertThat(i.interruption().stage()).isEqualTo(SmtpStage.GREETING);
                assertThat(i.interruption().detail()).contains("longer than 4096 octets");
              });
    }
  }

  @Test
  void greetingThatIsNotAReplyShouldBeAProtocolViolation() throws IOException {
    try (ScriptedSmtpPeer peer =
        ScriptedSmtpPeer.start(ScriptedSmtpPeer.script().reply("hello, this is not SMTP"))) {
      SessionFailure failure = TestSessions.failure(open(peer.address()));

      assertThat(failure)
          .isInstanceOfSatisfying(
              SessionFailure.Interrupted.class,
              i -> assertThat(i.interruption().kind()).isEqualTo(Kind.PROTOCOL_VIOLATION));
    }
  }

  @Test
  void unresolvedAddressOrBadServerNameShouldBeRejectedUpFront() {
    SmtpClient client = client();
    InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 25);

    assertThatThrownBy(() ->
            client.open(
                InetSocketAddress.createUnresolved("mx.hikyaku.test", 25), "mx.hikyaku.test"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> client.open(loopback, "not a host\r\nMAIL FROM:<x@y.z>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageNotContaining("\r\n");
  }

  private SmtpClient client() {
    return new SmtpClient(TestSessions.settings().build());
  }

  private SessionOpening open(InetSocketAddress address) {
    return client().open(address, "peer.hikyaku.test", Optional.empty(), transcript);
  }
}
