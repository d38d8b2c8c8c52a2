package dev.hikyaku.diagnose.bounce;

import static dev.hikyaku.diagnose.bounce.Samples.report;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hikyaku.diagnose.logs.Dsn;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** RFC 3464 and RFC 6533 delivery reports of real-world shape give typed per-recipient entries. */
class DeliveryStatusReportTests {

  @Test
  void aPostfixUserUnknownReportIsOneHardFailureWithItsFieldsAndTheReturnedHeader() {
    DeliveryStatusReport report = report("postfix-user-unknown.eml");

    assertThat(report.format()).isEqualTo(BounceFormat.RFC3464);
    assertThat(report.reportingMta()).contains(new TypedValue("dns", "mx.example.jp"));
    assertThat(report.arrivalDate()).contains(OffsetDateTime.parse("2026-11-23T10:00:02+09:00"));
    assertThat(report.problems()).isEmpty();
    RecipientStatus entry = report.recipients().getFirst();
    assertThat(report.recipients()).hasSize(1);
    assertThat(entry.recipient()).isEqualTo("taro.yamada@example.net");
    assertThat(entry.originalRecipient())
        .contains(new TypedValue("rfc822", "taro.yamada@example.net"));
    assertThat(entry.action()).isEqualTo(DsnAction.FAILED);
    assertThat(entry.status()).contains(new Dsn(5, 1, 1));
    assertThat(entry.remoteMta()).contains(new TypedValue("dns", "mx1.example.net"));
    assertThat(entry.diagnosticCode())
        .contains(
            new DiagnosticCode(
                "smtp",
                "550 5.1.1 <taro.yamada@example.net>: Recipient address rejected: User unknown"
                    + " in virtual mailbox table"));
    assertThat(entry.diagnosticCode().orElseThrow().replyCode()).hasValue(550);
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(entry.suppresses()).isTrue();
    assertThat(report.originalHeader("x-hikyaku-delivery")).contains("q7Yx2Lm9-AbC_1");
    assertThat(report.original().flatMap(OriginalMessage::messageId))
        .contains("<c-2026-11-autumn.42.taro@hikyaku.example.jp>");
  }

  @Test
  void theSameReportWithCrlfLineEndsReadsTheSame() {
    String lf = Samples.text("postfix-user-unknown.eml");
    byte[] crlf = lf.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);

    BounceResult result = Samples.PARSER.parse(crlf);

    assertThat(result).isInstanceOf(DeliveryStatusReport.class);
    DeliveryStatusReport report = (DeliveryStatusReport) result;
    assertThat(report.recipients().getFirst().diagnosticCode().orElseThrow().text())
        .endsWith("User unknown in virtual mailbox table");
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("q7Yx2Lm9-AbC_1");
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void aGmailReportUnfoldsItsMultiLineReplyAndKeepsTheRemoteMtaAndLastAttempt() {
    DeliveryStatusReport report = report("gmail-no-such-user.eml");

    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.recipient()).isEqualTo("hanako.nonexistent@gmail.com");
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
    DiagnosticCode code = entry.diagnosticCode().orElseThrow();
    assertThat(code.type()).isEqualTo("smtp");
    assertThat(code.text())
        .startsWith("550-5.1.1 The email account that you tried to reach does not exist.")
        .endsWith("- gsmtp")
        .doesNotContain("\n")
        .doesNotContain("  ");
    assertThat(code.replyCode()).hasValue(550);
    assertThat(code.enhancedStatus()).contains(new Dsn(5, 1, 1));
    assertThat(entry.remoteMta().orElseThrow().value())
        .isEqualTo("gmail-smtp-in.l.google.com. 2001:db8:4860::1b");
    assertThat(entry.lastAttemptDate()).contains(OffsetDateTime.parse("2026-11-23T01:00:10-08:00"));
    assertThat(report.reportingMta()).contains(new TypedValue("dns", "googlemail.com"));
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("Gm41l_T0ken");
  }

  @Test
  void anOffice365ReportReadsTheHeadersOnlyPartAsTheOriginal() {
    DeliveryStatusReport report = report("o365-recipient-not-found.eml");

    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.recipient()).isEqualTo("jiro@contoso.example.com");
    assertThat(entry.status()).contains(new Dsn(5, 1, 10));
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(entry.diagnosticCode().orElseThrow().text())
        .isEqualTo(
            "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address"
                + " lookup");
    assertThat(report.reportingMta())
        .contains(new TypedValue("dns", "TYCP286MB1234.JPNP286.PROD.OUTLOOK.COM"));
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("O365-Tok3n");
    assertThat(report.original().flatMap(OriginalMessage::messageId))
        .contains("<c-2026-11-autumn.44.jiro@hikyaku.example.jp>");
  }

  @Test
  void aDelayedReportIsSoftAndSuppressesNothing() {
    DeliveryStatusReport report = report("postfix-delayed.eml");

    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.action()).isEqualTo(DsnAction.DELAYED);
    assertThat(entry.status()).contains(new Dsn(4, 7, 1));
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.SOFT);
    assertThat(entry.suppresses()).isFalse();
    assertThat(report.failed()).isEmpty();
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("D3layed_T0k");
  }

  @Test
  void aReportOnThreeRecipientsGivesThreeEntriesInOrderEachClassifiedOnItsOwn() {
    DeliveryStatusReport report = report("sendmail-three-recipients.eml");

    assertThat(report.recipients())
        .extracting(
            RecipientStatus::recipient, RecipientStatus::action, RecipientStatus::bounceClass)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "shiro@example.com", DsnAction.FAILED, BounceClass.HARD),
            org.assertj.core.groups.Tuple.tuple(
                "kuro@example.com", DsnAction.FAILED, BounceClass.SOFT),
            org.assertj.core.groups.Tuple.tuple(
                "aka@slow.example.com", DsnAction.DELAYED, BounceClass.SOFT));
    assertThat(report.recipients().getFirst().finalRecipient().type()).isEqualTo("rfc822");
    assertThat(report.recipients().getFirst().remoteMta())
        .contains(new TypedValue("dns", "mail.example.com"));
    assertThat(report.recipients().getFirst().diagnosticCode().orElseThrow().type())
        .isEqualTo("smtp");
    assertThat(report.failed()).hasSize(2);
    assertThat(report.recipients()).filteredOn(RecipientStatus::suppresses).hasSize(1);
  }

  @Test
  void aSpamBlockWithStatus571IsPolicyAndMustNotSuppressTheRecipient() {
    DeliveryStatusReport report = report("postfix-spam-block.eml");

    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.status()).contains(new Dsn(5, 7, 1));
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.POLICY);
    assertThat(entry.suppresses()).isFalse();
    assertThat(entry.diagnosticCode().orElseThrow().text()).contains("blocked using Spamhaus");
  }

  @Test
  void aGlobalReportReadsUtf8AddressesAndDecodesUnicodeEscapes() {
    DeliveryStatusReport report = report("global-dsn.eml");

    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.finalRecipient()).isEqualTo(new TypedValue("utf-8", "山田@例え.jp"));
    assertThat(entry.originalRecipient()).contains(new TypedValue("utf-8", "山田@例え.jp"));
    assertThat(entry.remoteMta()).contains(new TypedValue("dns", "mx.例え.jp"));
    assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("G10bal_T0k");
    assertThat(report.originalHeader("To")).contains("山田@例え.jp");
  }

  @Test
  void aMissingActionIsInferredFromTheStatusWithAProblemNoted() {
    String message =
        """
        From: MAILER-DAEMON@mx.example.jp
        To: bounce+T@bounces.example.jp
        Subject: Undelivered Mail Returned to Sender
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.jp

        Final-Recipient: taro@example.net
        Status: 5.0.0 (permanent failure)
        Diagnostic-Code: 550 5.1.1 No such user here

        --b--
        """;

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.parseText(message);

    RecipientStatus entry = report.recipients().getFirst();
    assertThat(entry.action()).isEqualTo(DsnAction.FAILED);
    assertThat(entry.status()).contains(new Dsn(5, 0, 0));
    assertThat(entry.recipient()).isEqualTo("taro@example.net");
    assertThat(entry.diagnosticCode().orElseThrow().type()).isEqualTo("smtp");
    assertThat(entry.bounceClass())
        .as("5.0.0 refined by the 5.1.1 in the diagnostic")
        .isEqualTo(BounceClass.HARD);
    assertThat(report.problems())
        .anyMatch(p -> p.contains("no Action; failed inferred from Status 5.0.0"))
        .anyMatch(p -> p.contains("Final-Recipient without an address type"));
    assertThat(report.original()).isEqualTo(Optional.empty());
  }

  @Test
  void aGroupWithoutARecipientIsSkippedAndTheOthersAreKept() {
    String message =
        """
        From: MAILER-DAEMON@mx.example.jp
        Content-Type: multipart/report; report-type=delivery-status; boundary="b"

        --b
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mx.example.jp

        Action: failed
        Status: 5.1.1

        Final-Recipient: rfc822; <hanako@example.net>
        Action: failed
        Status: 5.1.2
        --b--
        """;

    DeliveryStatusReport report = (DeliveryStatusReport) Samples.parseText(message);

    assertThat(report.recipients())
        .singleElement()
        .satisfies(entry -> {
          assertThat(entry.recipient()).isEqualTo("hanako@example.net");
          assertThat(entry.bounceClass()).isEqualTo(BounceClass.HARD);
        });
    assertThat(report.problems()).anyMatch(p -> p.contains("without a readable Final-Recipient"));
  }
}
