package dev.hikyaku.delivery.smtp;

import static dev.hikyaku.delivery.smtp.TestSessions.SENDER;
import static dev.hikyaku.delivery.smtp.TestSessions.rcpt;
import static dev.hikyaku.delivery.smtp.TestSessions.simpleMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.delivery.smtp.Interruption.Kind;
import dev.hikyaku.delivery.smtp.TransactionOutcome.Interrupted;
import dev.hikyaku.delivery.smtp.TransactionOutcome.OutcomeUnknown;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Transactions that end without a final reply, against a {@link ScriptedSmtpPeer}: what the engine
 * may retry safely and what may already have been delivered.
 */
class SmtpSessionFaultTests {

  /**
   * Larger than any loopback socket buffers, so the client is still writing when things go wrong.
   */
  private static final long LARGE = 64L << 20;

  private final RecordingTranscript transcript = new RecordingTranscript();

  @Test
  void connectionDroppedInTheMiddleOfTheContentShouldBeSafeToRetry() throws IOException {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(untilData().readOctets(100_000).drop());
        SmtpSession session = open(peer, TestSessions.settings())) {
      TransactionOutcome outcome = session.send(Envelope.of(SENDER, rcpt("ann")), large());

      assertThat(outcome).isInstanceOf(Interrupted.class);
      Interrupted interrupted = (Interrupted) outcome;
      assertThat(interrupted.interruption().kind()).isEqualTo(Kind.CONNECTION_LOST);
      assertThat(interrupted.interruption().stage()).isEqualTo(SmtpStage.DATA_BODY);
      assertThat(interrupted.recipients()).singleElement().matches(RecipientReply::accepted);
      assertThat(session.isUsable()).isFalse();
    }
  }

  @Test
  void connectionDroppedAfterTheFinalDotShouldLeaveTheOutcomeUnknown() throws IOException {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(untilData().readData().drop());
        SmtpSession session = open(peer, TestSessions.settings())) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("x"));

      assertThat(outcome).isInstanceOf(OutcomeUnknown.class);
      OutcomeUnknown unknown = (OutcomeUnknown) outcome;
      assertThat(unknown.interruption().kind()).isEqualTo(Kind.CONNECTION_LOST);
      assertThat(unknown.interruption().stage()).isEqualTo(SmtpStage.DATA_END);
      assertThat(unknown.possiblyDelivered()).containsExactly(rcpt("ann"));
      assertThat(peer.data()).hasSize(1);
      assertThat(session.isUsable()).isFalse();
    }
  }

  @Test
  void serverSilentAfterTheFinalDotShouldTimeOutWithTheOutcomeUnknown() throws IOException {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(untilData().readData().stall());
        SmtpSession session =
            open(peer, TestSessions.settings().dataTerminationTimeout(Duration.ofMillis(300)))) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("x"));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              OutcomeUnknown.class,
              u -> {
                assertThat(u.interruption().kind()).isEqualTo(Kind.TIMEOUT);
                assertThat(u.interruption().stage()).isEqualTo(SmtpStage.DATA_END);
              });
    }
  }

  @Test
  void serverThatStopsReadingTheContentShouldTimeOutAsSafeToRetry() throws IOException {
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(untilData().stall());
        SmtpSession session =
            open(peer, TestSessions.settings().dataBlockTimeout(Duration.ofMillis(500)))) {
      TransactionOutcome outcome = session.send(Envelope.of(SENDER, rcpt("ann")), large());

      assertThat(outcome)
          .isInstanceOfSatisfying(
              Interrupted.class,
              i -> {
                assertThat(i.interruption().kind()).isEqualTo(Kind.TIMEOUT);
                assertThat(i.interruption().stage()).isEqualTo(SmtpStage.DATA_BODY);
              });
    }
  }

  @Test
  void unreadableMessageShouldAbortWithoutTheEndOfDataDot() throws Exception {
    OutboundMessage failing =
        new OutboundMessage(
            () ->
                new InputStream() {
                  private int served;

                  @Override
                  public int read() throws IOException {
                    if (served++ < 1000) {
                      return 'x';
                    }
                    throw new IOException("disk gone");
                  }
                },
            2000,
            false,
            false);
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(untilData().readData());
        SmtpSession session = open(peer, TestSessions.settings())) {
      TransactionOutcome outcome = session.send(Envelope.of(SENDER, rcpt("ann")), failing);

      assertThat(outcome)
          .isInstanceOfSatisfying(
              Interrupted.class,
              i -> {
                assertThat(i.interruption().kind()).isEqualTo(Kind.MESSAGE_UNREADABLE);
                assertThat(i.interruption().detail()).contains("disk gone");
              });
      assertThat(peer.awaitConnectionsEnded(1, Duration.ofSeconds(5))).isTrue();
      assertThat(peer.data()).isEmpty();
      assertThat(peer.failures()).singleElement().asString().contains("expected message data");
    }
  }

  @Test
  void serviceClosing421ToMailShouldRejectTheTransactionAndEndTheSession() throws IOException {
    try (ScriptedSmtpPeer peer =
            ScriptedSmtpPeer.start(
                greeted("250 peer.hikyaku.test").expect("MAIL").reply("421 4.3.2 shutting down"));
        SmtpSession session = open(peer, TestSessions.settings())) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("x"));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              TransactionOutcome.Rejected.class,
              r -> {
                assertThat(r.stage()).isEqualTo(SmtpStage.MAIL);
                assertThat(r.reply().code()).isEqualTo(421);
              });
      assertThat(session.isUsable()).isFalse();
    }
  }

  @Test
  void pipeliningShouldSendMailRecipientsAndDataBeforeReadingAnyReply() throws IOException {
    PeerScript script =
        greeted("250-peer.hikyaku.test", "250 PIPELINING")
            // The peer reads the whole batch before it answers: a client waiting for the reply to
            // MAIL would wait for ever (and time out).
            .expect("MAIL FROM:<bounces@sender.hikyaku.test>")
            .expect("RCPT TO:<ann@rcpt.hikyaku.test>")
            .expect("RCPT TO:<bob@rcpt.hikyaku.test>")
            .expect("DATA")
            .reply("250 2.1.0 ok", "250 2.1.5 ok", "550 5.1.1 no such user", "354 go ahead")
            .readData()
            .reply("250 2.0.0 queued as 42");
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(script);
        SmtpSession session = open(peer, TestSessions.settings())) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann"), rcpt("bob")), simpleMessage("x"));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              TransactionOutcome.Delivered.class,
              d -> {
                assertThat(d.accepted()).containsExactly(rcpt("ann"));
                assertThat(d.refused()).singleElement().matches(r -> r.reply().code() == 550);
                assertThat(d.dataReply().text()).contains("queued as 42");
              });
      assertThat(peer.failures()).isEmpty();
    }
  }

  @Test
  void pipelinedDataAcceptedAfterEveryRecipientFailedShouldSendNoContent() throws Exception {
    PeerScript script =
        greeted("250-peer.hikyaku.test", "250 PIPELINING")
            .expect("MAIL")
            .expect("RCPT")
            .expect("DATA")
            .reply("250 ok", "550 5.1.1 no such user", "354 go ahead")
            .readData();
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(script);
        SmtpSession session = open(peer, TestSessions.settings())) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("bob")), simpleMessage("x"));

      assertThat(outcome).isInstanceOf(TransactionOutcome.AllRecipientsRefused.class);
      // Closing without the dot aborts the transaction (RFC 5321 §3.8); the session is spent.
      assertThat(session.isUsable()).isFalse();
      assertThat(peer.awaitConnectionsEnded(1, Duration.ofSeconds(5))).isTrue();
      assertThat(peer.data()).isEmpty();
    }
  }

  @Test
  void utf8AddressShouldNeedSmtpUtf8AndUseItWhenOffered() throws IOException {
    MailboxPath jorg = new MailboxPath("jörg@rcpt.hikyaku.test");
    try (ScriptedSmtpPeer plain = ScriptedSmtpPeer.start(greeted("250 peer.hikyaku.test"));
        SmtpSession session = open(plain, TestSessions.settings())) {
      TransactionOutcome outcome = session.send(Envelope.of(SENDER, jorg), simpleMessage("x"));

      assertThat(outcome)
          .isInstanceOfSatisfying(
              TransactionOutcome.NotSent.class,
              n -> assertThat(n.refusal()).isEqualTo(LocalRefusal.SMTPUTF8_NOT_SUPPORTED));
      assertThat(transcript.sent()).noneMatch(l -> l.startsWith("MAIL"));
    }
    PeerScript utf8 =
        greeted("250-peer.hikyaku.test", "250-8BITMIME", "250 SMTPUTF8")
            .expect("MAIL FROM:<bounces@sender.hikyaku.test> SMTPUTF8")
            .reply("250 ok")
            .expect("RCPT TO:<jörg@rcpt.hikyaku.test>")
            .reply("250 ok")
            .expect("DATA")
            .reply("354 go ahead")
            .readData()
            .reply("250 ok");
    try (ScriptedSmtpPeer peer = ScriptedSmtpPeer.start(utf8);
        SmtpSession session = open(peer, TestSessions.settings())) {
      assertThat(session.send(Envelope.of(SENDER, jorg), simpleMessage("x")))
          .isInstanceOf(TransactionOutcome.Delivered.class);
      assertThat(peer.failures()).isEmpty();
    }
  }

  private SmtpSession open(ScriptedSmtpPeer peer, SmtpSettings.Builder settings) {
    return TestSessions.open(
        new SmtpClient(settings.build()), peer.address(), "peer.hikyaku.test", transcript);
  }

  private static PeerScript greeted(String... ehloReply) {
    return ScriptedSmtpPeer.script()
        .reply("220 peer.hikyaku.test ESMTP")
        .expect("EHLO client.hikyaku.test")
        .reply(ehloReply);
  }

  /** Greeting, EHLO without extensions, one accepted recipient, DATA accepted. */
  private static PeerScript untilData() {
    return greeted("250 peer.hikyaku.test")
        .expect("MAIL")
        .reply("250 ok")
        .expect("RCPT")
        .reply("250 ok")
        .expect("DATA")
        .reply("354 go ahead");
  }

  /** A message of {@link #LARGE} octets made as it is read, never held in memory. */
  private static OutboundMessage large() {
    byte[] line = ("x".repeat(76) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    return new OutboundMessage(
        () ->
            new InputStream() {
              private long served;

              @Override
              public int read() {
                return served < LARGE ? line[(int) (served++ % line.length)] : -1;
              }

              @Override
              public int read(byte[] b, int off, int len) {
                if (served >= LARGE) {
                  return -1;
                }
                int n = (int) Math.min(len, LARGE - served);
                for (int i = 0; i < n; i++) {
                  b[off + i] = line[(int) (served++ % line.length)];
                }
                return n;
              }
            },
        LARGE,
        false,
        false);
  }
}
