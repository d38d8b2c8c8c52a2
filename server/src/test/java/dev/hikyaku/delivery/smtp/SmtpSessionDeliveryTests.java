package dev.hikyaku.delivery.smtp;

import static dev.hikyaku.delivery.smtp.TestSessions.SENDER;
import static dev.hikyaku.delivery.smtp.TestSessions.message;
import static dev.hikyaku.delivery.smtp.TestSessions.rcpt;
import static dev.hikyaku.delivery.smtp.TestSessions.simpleMessage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.delivery.smtp.TransactionOutcome.AllRecipientsRefused;
import dev.hikyaku.delivery.smtp.TransactionOutcome.Delivered;
import dev.hikyaku.delivery.smtp.TransactionOutcome.NotSent;
import dev.hikyaku.delivery.smtp.TransactionOutcome.Rejected;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transactions against a real SMTP server (SubEthaSMTP) on loopback. */
class SmtpSessionDeliveryTests {

  private final SmtpClient client = new SmtpClient(TestSessions.settings().build());
  private final RecordingTranscript transcript = new RecordingTranscript();

  @Test
  void severalMessagesShouldGoOverOneConnectionWithRsetBetweenThem() {
    try (SubethaTestServer server = SubethaTestServer.builder().start()) {
      try (SmtpSession session = open(server)) {
        for (String name : List.of("ann", "bob", "cyd")) {
          TransactionOutcome outcome =
              session.send(Envelope.of(SENDER, rcpt(name)), simpleMessage("for " + name));
          assertThat(outcome).isInstanceOf(Delivered.class);
          assertThat(((Delivered) outcome).dataReply().code()).isEqualTo(250);
        }
        assertThat(session.transactions()).isEqualTo(3);
        assertThat(session.isUsable()).isTrue();
      }
      assertThat(server.sessions()).isEqualTo(1);
      assertThat(server.received())
          .extracting(r -> r.recipients().get(0))
          .containsExactly(
              "ann@rcpt.hikyaku.test", "bob@rcpt.hikyaku.test", "cyd@rcpt.hikyaku.test");
      assertThat(server.received()).allMatch(r -> r.from().equals(SENDER.address()));
      assertThat(transcript.sent()).filteredOn("RSET"::equals).hasSize(2);
      assertThat(transcript.sent()).last().isEqualTo("QUIT");
    }
  }

  @Test
  void oneRefusedRecipientOfThreeShouldNotStopDeliveryToTheOthers() {
    try (SubethaTestServer server =
            SubethaTestServer.builder()
                .refuseRecipient("bob@rcpt.hikyaku.test", 550, "5.1.1 no such user")
                .refuseRecipient("cyd@rcpt.hikyaku.test", 450, "4.2.1 mailbox busy")
                .start();
        SmtpSession session = open(server)) {
      TransactionOutcome outcome =
          session.send(
              Envelope.of(SENDER, rcpt("ann"), rcpt("bob"), rcpt("cyd")), simpleMessage("three"));

      assertThat(outcome).isInstanceOf(Delivered.class);
      Delivered delivered = (Delivered) outcome;
      assertThat(delivered.accepted()).containsExactly(rcpt("ann"));
      assertThat(delivered.refused())
          .extracting(RecipientReply::recipient)
          .containsExactly(rcpt("bob"), rcpt("cyd"));
      SmtpReply bob = delivered.refused().get(0).reply();
      assertThat(bob.isPermanent()).isTrue();
      assertThat(bob.enhancedStatus()).hasValue(new EnhancedStatusCode(5, 1, 1));
      assertThat(delivered.refused().get(1).reply().isTransient()).isTrue();
      assertThat(server.received())
          .singleElement()
          .satisfies(r -> assertThat(r.recipients()).containsExactly("ann@rcpt.hikyaku.test"));
    }
  }

  @Test
  void pipelinedTransactionShouldMatchEachReplyToItsCommand() {
    try (SubethaTestServer server =
            SubethaTestServer.builder()
                .pipelining()
                .refuseRecipient("bob@rcpt.hikyaku.test", 550, "5.1.1 no such user")
                .start();
        SmtpSession session = open(server)) {
      assertThat(session.extensions().pipelining()).isTrue();
      TransactionOutcome first =
          session.send(
              Envelope.of(SENDER, rcpt("ann"), rcpt("bob"), rcpt("cyd")), simpleMessage("one"));
      TransactionOutcome second =
          session.send(Envelope.of(SENDER, rcpt("dan")), simpleMessage("2"));

      assertThat(first).isInstanceOf(Delivered.class);
      assertThat(((Delivered) first).recipients())
          .extracting(r -> r.recipient().address(), r -> r.reply().code())
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple("ann@rcpt.hikyaku.test", 250),
              org.assertj.core.groups.Tuple.tuple("bob@rcpt.hikyaku.test", 550),
              org.assertj.core.groups.Tuple.tuple("cyd@rcpt.hikyaku.test", 250));
      assertThat(second).isInstanceOf(Delivered.class);
      assertThat(server.received()).hasSize(2);
      // The batch went out before any reply to it was read: MAIL, RCPT x3, DATA, then 250s.
      List<String> lines = transcript.lines();
      int mail = lines.indexOf("C: MAIL FROM:<bounces@sender.hikyaku.test>");
      assertThat(lines.subList(mail, mail + 5))
          .allMatch(l -> l.startsWith("C: "))
          .last()
          .isEqualTo("C: DATA");
    }
  }

  @Test
  void everyRecipientRefusedShouldSendNoContentAndLeaveTheSessionUsable() {
    try (SubethaTestServer server =
            SubethaTestServer.builder()
                .refuseRecipient("bob@rcpt.hikyaku.test", 550, "5.1.1 no such user")
                .start();
        SmtpSession session = open(server)) {
      TransactionOutcome refused =
          session.send(Envelope.of(SENDER, rcpt("bob")), simpleMessage("x"));

      assertThat(refused).isInstanceOf(AllRecipientsRefused.class);
      assertThat(((AllRecipientsRefused) refused).recipients())
          .singleElement()
          .satisfies(r -> assertThat(r.reply().code()).isEqualTo(550));
      assertThat(transcript.sent()).doesNotContain("DATA");
      assertThat(session.isUsable()).isTrue();

      TransactionOutcome next = session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("y"));

      assertThat(transcript.sent()).contains("RSET");
      assertThat(next).isInstanceOf(Delivered.class);
      assertThat(server.received()).hasSize(1);
    }
  }

  @Test
  void permanentRejectionAfterDataShouldRejectTheWholeTransaction() {
    try (SubethaTestServer server =
            SubethaTestServer.builder().refuseData(554, "5.7.1 message refused as spam").start();
        SmtpSession session = open(server)) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann"), rcpt("bob")), simpleMessage("spam?"));

      assertThat(outcome).isInstanceOf(Rejected.class);
      Rejected rejected = (Rejected) outcome;
      assertThat(rejected.stage()).isEqualTo(SmtpStage.DATA_END);
      assertThat(rejected.reply().isPermanent()).isTrue();
      assertThat(rejected.reply().enhancedStatus()).hasValue(new EnhancedStatusCode(5, 7, 1));
      assertThat(rejected.recipients()).allMatch(RecipientReply::accepted);
      assertThat(session.isUsable()).isTrue();
    }
  }

  @Test
  void transientRejectionAfterDataShouldBeTellableFromAPermanentOne() {
    try (SubethaTestServer server =
            SubethaTestServer.builder().refuseData(451, "4.3.0 try again later").start();
        SmtpSession session = open(server)) {
      TransactionOutcome outcome =
          session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("x"));

      assertThat(outcome).isInstanceOf(Rejected.class);
      assertThat(((Rejected) outcome).stage()).isEqualTo(SmtpStage.DATA_END);
      assertThat(((Rejected) outcome).reply().isTransient()).isTrue();
    }
  }

  @Test
  void linesStartingWithADotShouldArriveByteIdentical() {
    String content =
        "From: a@sender.hikyaku.test\r\nSubject: dots\r\n\r\n"
            + ".\r\n..\r\n.leading dot\r\n...three\r\nmiddle . dot\r\n.\r\nend\r\n";
    try (SubethaTestServer server = SubethaTestServer.builder().start();
        SmtpSession session = open(server)) {
      TransactionOutcome outcome = session.send(Envelope.of(SENDER, rcpt("ann")), message(content));

      assertThat(outcome).isInstanceOf(Delivered.class);
      assertThat(new String(server.received().get(0).content(), StandardCharsets.UTF_8))
          .isEqualTo(content);
    }
  }

  @Test
  void bareLineEndsShouldArriveAsCrlf() {
    try (SubethaTestServer server = SubethaTestServer.builder().start();
        SmtpSession session = open(server)) {
      session.send(
          Envelope.of(SENDER, rcpt("ann")), message("Subject: lf\n\nbare lf\nbare cr\r.x\nend"));

      assertThat(new String(server.received().get(0).content(), StandardCharsets.UTF_8))
          .isEqualTo("Subject: lf\r\n\r\nbare lf\r\nbare cr\r\n.x\r\nend\r\n");
    }
  }

  @Test
  void messageOverTheAnnouncedSizeShouldBeRefusedLocallyWithoutMail() {
    try (SubethaTestServer server = SubethaTestServer.builder().maxMessageSize(1000).start();
        SmtpSession session = open(server)) {
      assertThat(session.extensions().sizeLimit()).hasValue(1000);
      TransactionOutcome big =
          session.send(
              Envelope.of(SENDER, rcpt("ann")), message("Subject: big\r\n\r\n" + "x".repeat(5000)));
      TransactionOutcome small = session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("s"));

      assertThat(big).isInstanceOf(NotSent.class);
      assertThat(((NotSent) big).refusal()).isEqualTo(LocalRefusal.SIZE_EXCEEDED);
      assertThat(small).isInstanceOf(Delivered.class);
      assertThat(server.mailCommands()).isEqualTo(1);
      assertThat(transcript.sent()).anyMatch(l -> l.matches("MAIL FROM:<.*> SIZE=\\d+"));
    }
  }

  @Test
  void eightBitContentShouldBeDeclaredWithBody8BitMime() {
    String content = "Subject: umlaut\r\n\r\nGrüße\r\n";
    try (SubethaTestServer server = SubethaTestServer.builder().start();
        SmtpSession session = open(server)) {
      TransactionOutcome outcome = session.send(Envelope.of(SENDER, rcpt("ann")), message(content));

      assertThat(outcome).isInstanceOf(Delivered.class);
      assertThat(transcript.sent())
          .contains("MAIL FROM:<bounces@sender.hikyaku.test> BODY=8BITMIME");
      assertThat(server.received().get(0).content())
          .isEqualTo(content.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void sessionShouldStopBeingUsableAfterItsMaximumMessages() {
    SmtpClient limited =
        new SmtpClient(TestSessions.settings().maxMessagesPerConnection(2).build());
    try (SubethaTestServer server = SubethaTestServer.builder().start();
        SmtpSession session =
            TestSessions.open(limited, server.address(), "relay.hikyaku.test", transcript)) {
      session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("1"));
      assertThat(session.isUsable()).isTrue();
      session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("2"));
      assertThat(session.isUsable()).isFalse();

      TransactionOutcome third = session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("3"));

      assertThat(third).isInstanceOf(NotSent.class);
      assertThat(((NotSent) third).refusal()).isEqualTo(LocalRefusal.SESSION_NOT_USABLE);
      assertThat(server.received()).hasSize(2);
    }
  }

  @Test
  void closedSessionShouldRefuseToSendAndSayQuitOnlyOnce() {
    try (SubethaTestServer server = SubethaTestServer.builder().start()) {
      SmtpSession session = open(server);
      session.close();
      session.close();

      assertThat(session.send(Envelope.of(SENDER, rcpt("ann")), simpleMessage("late")))
          .isInstanceOf(NotSent.class);
      assertThat(session.isUsable()).isFalse();
      assertThat(transcript.sent()).filteredOn("QUIT"::equals).hasSize(1);
      assertThat(transcript.lines()).contains("S: 221 Bye");
    }
  }

  private SmtpSession open(SubethaTestServer server) {
    return TestSessions.open(client, server.address(), "relay.hikyaku.test", transcript);
  }
}
