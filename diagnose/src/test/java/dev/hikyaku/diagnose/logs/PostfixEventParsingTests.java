package dev.hikyaku.diagnose.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The typed fields of the message kinds the analyzer depends on. */
class PostfixEventParsingTests {

  @Test
  void deliveryShouldGiveRecipientRelayDelaysDsnStatusAndResponse() {
    Delivery d =
        (Delivery)
            parse(
                PostfixProgram.SMTP,
                "0D9633D: to=<jos@example.com>, orig_to=<bestuur@example.com>,"
                    + " relay=mail1.example.net[10.74.103.11]:25, delay=11,"
                    + " delays=5.4/0.06/5.1/0.03, tls=dane/requiretls, dsn=4.2.0, status=deferred"
                    + " (host mail1.example.net[10.74.103.11] said: 450 4.2.0 Greylisted (in reply"
                    + " to RCPT TO command))");

    assertThat(d.recipient()).isEqualTo("jos@example.com");
    assertThat(d.originalRecipient()).contains("bestuur@example.com");
    assertThat(d.relay())
        .isEqualTo(
            new Relay(
                "mail1.example.net",
                Optional.of("10.74.103.11"),
                Optional.empty(),
                OptionalInt.of(25)));
    assertThat(d.delay()).contains(Duration.ofSeconds(11));
    assertThat(d.delays())
        .contains(
            new Delays(
                Duration.ofMillis(5400),
                Duration.ofMillis(60),
                Duration.ofMillis(5100),
                Duration.ofMillis(30)));
    assertThat(d.tls().map(TlsFeatures::requireTls)).contains(true);
    assertThat(d.dsn()).contains(new Dsn(4, 2, 0));
    assertThat(d.status()).isEqualTo(DeliveryStatus.DEFERRED);
    assertThat(d.response())
        .isEqualTo(
            "host mail1.example.net[10.74.103.11] said: 450 4.2.0 Greylisted (in reply to RCPT TO command)");
    assertThat(d.recipientDomain()).contains("example.com");
  }

  @Test
  void localDeliveryWithoutAngleBracketsShouldGiveTheRecipient() {
    Delivery d =
        (Delivery)
            parse(
                PostfixProgram.LOCAL,
                "2A22C263F6: to=user@host.example.com, orig_to=root@localhost, relay=local,"
                    + " delay=0.07, delays=0.04/0/0/0.03, dsn=2.0.0, status=sent (delivered to mailbox)");

    assertThat(d.recipient()).isEqualTo("user@host.example.com");
    assertThat(d.relay().isNetwork()).isFalse();
    assertThat(d.relay().host()).isEqualTo("local");
  }

  @Test
  void qmgrShouldGiveSenderSizeAndRecipientCount() {
    assertThat(
            parse(
                PostfixProgram.QMGR,
                "0F5383D: from=<a@example.org>, size=5360, nrcpt=2 (queue active)"))
        .isInstanceOfSatisfying(
            MessageEvent.Queued.class,
            q -> {
              assertThat(q.sender()).isEqualTo("a@example.org");
              assertThat(q.size()).isEqualTo(5360);
              assertThat(q.recipients()).isEqualTo(2);
            });
  }

  @Test
  void smtpdClientLineShouldGiveTheClientAndSaslLogin() {
    assertThat(
            parse(
                PostfixProgram.SMTPD,
                "3F1A2B4C5D: client=app1.example.co.jp[192.0.2.10]:41234, sasl_method=PLAIN,"
                    + " sasl_username=news@example.co.jp"))
        .isInstanceOfSatisfying(
            MessageEvent.ClientAccepted.class,
            a -> {
              assertThat(a.client().hostname()).contains("app1.example.co.jp");
              assertThat(a.client().address()).isEqualTo("192.0.2.10");
              assertThat(a.client().port()).hasValue(41234);
              assertThat(a.saslMethod()).contains("PLAIN");
              assertThat(a.saslUsername()).contains("news@example.co.jp");
            });
  }

  @Test
  void noQueueRejectShouldGiveCodeDsnReasonAndEnvelope() {
    Reject r =
        (Reject)
            parse(
                PostfixProgram.SMTPD,
                "NOQUEUE: reject: RCPT from unknown[198.51.100.7]: 554 5.7.1 <spam@example.net>:"
                    + " Relay access denied; from=<x@example.net> to=<spam@example.net> proto=ESMTP helo=<x>");

    assertThat(r.queueId()).isEmpty();
    assertThat(r.action()).isEqualTo("reject");
    assertThat(r.stage()).isEqualTo("RCPT");
    assertThat(r.code()).hasValue(554);
    assertThat(r.dsn()).contains(new Dsn(5, 7, 1));
    assertThat(r.subject()).contains("spam@example.net");
    assertThat(r.reason()).isEqualTo("Relay access denied");
    assertThat(r.sender()).contains("x@example.net");
    assertThat(r.recipient()).contains("spam@example.net");
    assertThat(r.protocol()).contains("ESMTP");
    assertThat(r.helo()).contains("x");
  }

  @Test
  void smtpdTlsLineShouldGiveVersionCipherAndSignatures() {
    TlsEstablished t =
        (TlsEstablished)
            parse(
                PostfixProgram.SMTPD,
                "Verified TLS connection established from mx.example.net[192.0.2.9]: TLSv1.3 with cipher"
                    + " TLS_AES_256_GCM_SHA384 (256/256 bits) key-exchange X25519 server-signature RSA-PSS"
                    + " (2048 bits) server-digest SHA256 client-signature ECDSA (P-256) client-digest SHA256");

    assertThat(t.outbound()).isFalse();
    assertThat(t.trust()).isEqualTo(TlsEstablished.Trust.VERIFIED);
    assertThat(t.protocol()).isEqualTo("TLSv1.3");
    assertThat(t.keyExchange()).contains("X25519");
    assertThat(t.serverSignature().orElseThrow().bits()).hasValue(2048);
    assertThat(t.serverSignature().orElseThrow().digest()).contains("SHA256");
    assertThat(t.clientSignature().orElseThrow().curve()).contains("P-256");
  }

  @Test
  void headerCheckHoldShouldGiveTheRuleTextAndTheMatchedHeader() {
    ContentCheck c =
        (ContentCheck)
            parse(
                PostfixProgram.CLEANUP,
                "4104E3D: hold: header Subject: Invoice from x; y from mail.example.org[192.0.2.3];"
                    + " from=<a@example.org>"
                    + " to=<b@example.com> proto=ESMTP helo=<x>: suspicious subject");

    assertThat(c.action()).isEqualTo("hold");
    assertThat(c.part()).isEqualTo("header");
    assertThat(c.content())
        .as("the header may hold ' from ' and ';'")
        .isEqualTo("Subject: Invoice from x; y");
    assertThat(c.client().map(Peer::address)).contains("192.0.2.3");
    assertThat(c.attributes().address("to")).contains("b@example.com");
    assertThat(c.detail()).contains("suspicious subject");
    assertThat(c.stopsMessage()).isFalse();
  }

  @Test
  void bodyCheckDiscardFromLocalSubmissionShouldParse() {
    ContentCheck c =
        (ContentCheck)
            parse(
                PostfixProgram.CLEANUP,
                "4104E3D: discard: body spam spam from local; from=<root> to=<a@b>");

    assertThat(c.part()).isEqualTo("body");
    assertThat(c.client()).isEmpty();
    assertThat(c.stopsMessage()).isTrue();
  }

  @Test
  void bounceLineShouldNameTheNotificationsQueueId() {
    assertThat(
            parse(
                PostfixProgram.BOUNCE, "5B1C2D3E4F: sender non-delivery notification: 6C2D3E4F5A"))
        .isEqualTo(
            new MessageEvent.BounceNotice(
                new QueueId("5B1C2D3E4F"),
                "sender",
                MessageEvent.BounceNotice.Kind.NON_DELIVERY,
                new QueueId("6C2D3E4F5A")));
  }

  @Test
  void unknownLinesShouldKeepProgramQueueIdAndText() {
    assertThat(parse(PostfixProgram.SMTP, "0F5383D: breaking line > 998 characters"))
        .isEqualTo(
            new PostfixEvent.Unrecognised(
                Optional.of(new QueueId("0F5383D")), "breaking line > 998 characters"));
    assertThat(parse(PostfixProgram.FLUSH, "something new"))
        .isEqualTo(new PostfixEvent.Unrecognised(Optional.empty(), "something new"));
  }

  @Test
  void deliveryFromACustomSyslogNameShouldStillBeADelivery() {
    assertThat(
            parse(
                PostfixProgram.OTHER,
                "0F5383D: to=<a@b.example>, relay=none, delay=1, delays=1/0/0/0, dsn=5.4.4,"
                    + " status=bounced (Host or domain name not found)"))
        .isInstanceOf(Delivery.class);
  }

  @Test
  void warningsShouldBeDiagnosticsWithTheirQueueId() {
    assertThat(parse(PostfixProgram.CLEANUP, "warning: 9BECF3F19D: map lookup problem"))
        .isEqualTo(
            new PostfixEvent.Diagnostic(
                PostfixEvent.Level.WARNING,
                Optional.of(new QueueId("9BECF3F19D")),
                "map lookup problem"));
  }

  private static PostfixEvent parse(PostfixProgram program, String message) {
    return PostfixLogParser.parseMessage(program, message);
  }
}
