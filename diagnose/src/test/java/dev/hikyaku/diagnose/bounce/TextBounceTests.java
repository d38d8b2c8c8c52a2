package dev.hikyaku.diagnose.bounce;

import static dev.hikyaku.diagnose.bounce.Samples.report;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hikyaku.diagnose.logs.Dsn;
import org.junit.jupiter.api.Test;

/**
 * Text bounces of qmail, Exim, Sendmail, Postfix, Exchange, Yahoo and au are read by their text.
 */
class TextBounceTests {

  @Test
  void qmailParagraphsGiveOneEntryPerAddressWithTheCodeFromItsTextOrTheRemoteReply() {
    DeliveryStatusReport report = report("qmail-two-recipients.eml");

    assertThat(report.format()).isEqualTo(BounceFormat.QMAIL);
    assertThat(report.recipients())
        .extracting(
            RecipientStatus::recipient, RecipientStatus::status, RecipientStatus::bounceClass)
        .containsExactly(
            tuple("rokuro@example.org", java.util.Optional.of(new Dsn(5, 1, 1)), BounceClass.HARD),
            tuple(
                "nana@remote.example.net",
                java.util.Optional.of(new Dsn(5, 7, 1)),
                BounceClass.POLICY));
    assertThat(report.recipients()).allMatch(r -> r.action() == DsnAction.FAILED);
    DiagnosticCode remote = report.recipients().get(1).diagnosticCode().orElseThrow();
    assertThat(remote.type()).isEqualTo("smtp");
    assertThat(remote.replyCode()).hasValue(554);
    assertThat(remote.text()).startsWith("554 5.7.1 <nana@remote.example.net>: Recipient address");
    assertThat(report.recipients().getFirst().diagnosticCode().orElseThrow())
        .isEqualTo(
            new DiagnosticCode(
                DiagnosticCode.UNSPECIFIED, "Sorry, no mailbox here by that name. (#5.1.1)"));
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("Qm41l_T0k");
  }

  @Test
  void anEximBounceGivesTheAddressTheRemoteReplyAndTheCopiedHeader() {
    DeliveryStatusReport report = report("exim-failed.eml");

    assertThat(report.format()).isEqualTo(BounceFormat.EXIM);
    RecipientStatus entry = report.recipients().getFirst();
    assertThat(report.recipients()).hasSize(1);
    assertThat(entry.recipient()).isEqualTo("hachi@example.com");
    assertThat(entry.action()).isEqualTo(DsnAction.FAILED);
    assertThat(entry.status()).contains(new Dsn(5, 1, 1));
    assertThat(entry.diagnosticCode().orElseThrow().text())
        .startsWith("550 5.1.1 <hachi@example.com>: Recipient address rejected: User unknown");
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("Ex1m_T0k");
  }

  @Test
  void anEximDelayWarningIsDelayedAndSoft() {
    String message =
        """
        From: Mail Delivery System <Mailer-Daemon@mx.example.com>
        To: bounce+Ex1m_D3lay@bounces.example.jp
        Subject: Warning: message 1tA2bC-000AbC-9x delayed 24 hours
        Auto-Submitted: auto-replied

        This message was created automatically by mail delivery software.
        A message that you sent has not yet been delivered to one or more of its
        recipients after more than 24 hours on the queue on mx.example.com.

        The message identifier is:     1tA2bC-000AbC-9x
        The subject of the message is: autumn campaign
        The date of the message is:    Mon, 23 Nov 2026 10:00:01 +0900

        The address to which the message has not yet been delivered is:

          juichi@example.com
            host mail.example.com [192.0.2.40]
            Delay reason: SMTP error from remote mail server after RCPT TO:<juichi@example.com>:
            451 4.3.0 Mailbox temporarily unavailable

        No action is required on your part. Delivery attempts will continue for
        some time, and this warning may be repeated at intervals if the message
        remains undelivered. Eventually the mail delivery software will give up,
        and when that happens, the message will be returned to you.
        """;

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.parseText(message);

    assertThat(report.recipients())
        .singleElement()
        .satisfies(entry -> {
          assertThat(entry.recipient()).isEqualTo("juichi@example.com");
          assertThat(entry.action()).isEqualTo(DsnAction.DELAYED);
          assertThat(entry.status()).contains(new Dsn(4, 3, 0));
          assertThat(entry.bounceClass()).isEqualTo(BounceClass.SOFT);
        });
  }

  @Test
  void anOlderEximBounceWithRuledAddressesIsRead() {
    String message =
        """
        From: Mail Delivery System <Mailer-Daemon@old.example.com>
        Subject: Mail delivery failed: returning message to sender

        This message was created automatically by mail delivery software.

        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

        ------ juni@example.com ------

        Unrouteable address

        ------ This is a copy of the message, including all the headers. ------

        X-Hikyaku-Delivery: 0ld_Ex1m
        """;

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.parseText(message);

    assertThat(report.recipients())
        .singleElement()
        .satisfies(entry -> {
          assertThat(entry.recipient()).isEqualTo("juni@example.com");
          assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
        });
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("0ld_Ex1m");
  }

  @Test
  void aYahooFailureNoticeGivesTheRemoteReply() {
    DeliveryStatusReport report = report("yahoo-failure-notice.eml");

    assertThat(report.format()).isEqualTo(BounceFormat.YAHOO);
    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.recipient()).isEqualTo("kyu@example.co.jp");
    assertThat(entry.diagnosticCode().orElseThrow().replyCode()).hasValue(550);
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("Yah00_T0k");
  }

  @Test
  void aSendmailTextBounceTakesTheReasonLineOrElseTheTranscript() {
    DeliveryStatusReport report = report("sendmail-text.eml");

    assertThat(report.format()).isEqualTo(BounceFormat.SENDMAIL);
    assertThat(report.recipients())
        .extracting(RecipientStatus::recipient, r -> r.diagnosticCode().orElseThrow().text())
        .containsExactly(
            tuple("shichiro@example.co.jp", "550 5.1.1 <shichiro@example.co.jp>... User unknown"),
            tuple("hachiro@example.co.jp", "550 5.1.1 <hachiro@example.co.jp>... User unknown"));
    assertThat(report.recipients()).allMatch(RecipientStatus::suppresses);
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("S3ndm41l");
  }

  @Test
  void anExchangeTextReportGivesTheRecipientItsReplyAndTheGeneratingServer() {
    DeliveryStatusReport report = report("exchange-text.eml");

    assertThat(report.format()).isEqualTo(BounceFormat.EXCHANGE);
    assertThat(report.reportingMta())
        .contains(new TypedValue("dns", "EXCH01.exchange.example.com"));
    RecipientStatus entry = report.recipients().getFirst();
    assertThat(report.recipients()).hasSize(1);
    assertThat(entry.recipient()).isEqualTo("kuro.tanaka@exchange.example.com");
    assertThat(entry.diagnosticCode().orElseThrow().text())
        .isEqualTo("550 5.1.1 RESOLVER.ADR.RecipNotFound; not found");
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("ExchT0k");
  }

  @Test
  void anExchangeRemoteServerReturnedLineIsReadToo() {
    String message =
        """
        From: postmaster@exchange.example.com
        Subject: Undeliverable: autumn campaign

        Delivery has failed to these recipients or groups:

        Diagnostic information for administrators:

        Generating server: EXCH02.exchange.example.com

        ju.san@example.org
        Remote Server returned '550 4.4.7 QUEUE.Expired; message expired'

        Original message headers:

        X-Hikyaku-Delivery: Exch_Expired
        """;

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.parseText(message);

    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.diagnosticCode().orElseThrow().text())
        .isEqualTo("550 4.4.7 QUEUE.Expired; message expired");
    assertThat(entry.status()).contains(new Dsn(4, 4, 7));
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.SOFT);
  }

  @Test
  void anAuOneNetBounceInIso2022JpGivesTheRecipientAsMailboxFull() {
    DeliveryStatusReport report = report("au-mailbox-full.eml");

    assertThat(report.format()).isEqualTo(BounceFormat.AU_KDDI);
    RecipientStatus entry = report.recipients().getFirst();
    assertThat(report.recipients()).hasSize(1);
    assertThat(entry.recipient()).isEqualTo("ichiro@x0123456789.dion.ne.jp");
    assertThat(entry.diagnosticCode().orElseThrow().text()).isEqualTo("As their mailbox is full.");
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.SOFT);
    assertThat(entry.suppresses()).isFalse();
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("Au_KDDI_T0k");
  }

  @Test
  void anEzwebBounceTakesTheReasonLineBeforeTheAddresses() {
    String message =
        """
        From: Postmaster@ezweb.ne.jp
        Subject: Mail System Error - Returned Mail
        Content-Type: text/plain; charset="UTF-8"

        次のあて先へのメッセージはエラーのため送信できませんでした。

        The user(s) account is disabled.

        <jushi@ezweb.ne.jp>
        <jugo@ezweb.ne.jp>: 550 user unknown (in reply to RCPT TO command)
        """;

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.parseText(message);

    assertThat(report.recipients())
        .extracting(RecipientStatus::recipient, RecipientStatus::bounceClass)
        .containsExactly(
            tuple("jushi@ezweb.ne.jp", BounceClass.HARD),
            tuple("jugo@ezweb.ne.jp", BounceClass.HARD));
    assertThat(report.recipients().get(1).diagnosticCode().orElseThrow().replyCode()).hasValue(550);
  }

  @Test
  void theSameAuTextFromAnotherSenderIsNotTakenForAnAuBounce() {
    String message =
        """
        From: someone@example.com
        Subject: fwd

        Your mail sent on: Mon, 23 Nov 2026 10:09:00 +0900
             Could not be delivered to: <ichiro@example.com>
             As their mailbox is full.
        """;

    assertThat(Samples.parseText(message)).isInstanceOf(NotABounce.class);
  }

  @Test
  void postfixTextIsReadWhenTheDeliveryStatusPartIsMissing() {
    String message =
        """
        From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Description: Notification
        Content-Type: text/plain; charset=us-ascii

        This is the mail system at host mx.example.jp.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

        <jushichi@example.net>: host mx1.example.net[198.51.100.7] said: 550 5.1.1
            <jushichi@example.net>: Recipient address rejected: User unknown in
            virtual mailbox table (in reply to RCPT TO command)

        --b
        Content-Type: text/rfc822-headers

        X-Hikyaku-Delivery: P0stfix_T3xt
        --b--
        """;

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.parseText(message);

    assertThat(report.format()).isEqualTo(BounceFormat.POSTFIX);
    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.recipient()).isEqualTo("jushichi@example.net");
    assertThat(entry.diagnosticCode().orElseThrow().text())
        .startsWith("550 5.1.1 <jushichi@example.net>: Recipient address rejected")
        .endsWith("(in reply to RCPT TO command)");
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("P0stfix_T3xt");
  }
}
