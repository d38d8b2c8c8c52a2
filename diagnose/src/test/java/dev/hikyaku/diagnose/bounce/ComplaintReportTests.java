package dev.hikyaku.diagnose.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** Feedback-loop reports (RFC 5965) give a complaint with the reported message's identity. */
class ComplaintReportTests {

  private static final String REPORT =
      """
      From: feedbackloop@fbl.mail.example.net
      Subject: Complaint
      Content-Type: multipart/report; report-type=feedback-report; boundary="b"

      --b
      Content-Type: text/plain

      This is an email abuse report.

      --b
      Content-Type: message/feedback-report

      %s
      --b
      Content-Type: text/rfc822-headers

      Message-ID: <c-1@hikyaku.example.jp>
      X-Hikyaku-Delivery: Fbl_T0k

      --b--
      """;

  @Test
  void anAbuseReportIsAComplaintWithTheEnvelopeSenderRecipientAndReturnedHeader() {
    BounceResult result = Samples.parse("arf-abuse.eml");

    assertThat(result).isInstanceOf(ComplaintReport.class);
    ComplaintReport report = (ComplaintReport) result;
    assertThat(report.feedbackType()).isEqualTo(FeedbackType.ABUSE);
    assertThat(report.suppresses()).isTrue();
    assertThat(report.userAgent()).contains("ExampleMail-FBL/2.1");
    assertThat(report.originalMailFrom()).contains("bounce+Arf_T0k-9@bounces.example.jp");
    assertThat(report.originalMailFrom().flatMap(VerpAddress::decode).map(VerpAddress::token))
        .contains("Arf_T0k-9");
    assertThat(report.originalRecipients()).containsExactly("juro@mail.example.net");
    assertThat(report.arrivalDate()).contains(OffsetDateTime.parse("2026-11-23T01:00:30Z"));
    assertThat(report.reportingMta()).contains(new TypedValue("dns", "mx7.mail.example.net"));
    assertThat(report.sourceIp()).contains("203.0.113.10");
    assertThat(report.originalMessageId())
        .contains("<c-2026-11-autumn.51.juro@hikyaku.example.jp>");
    assertThat(report.originalHeader("X-Hikyaku-Delivery")).contains("Arf_T0k-9");
    assertThat(report.problems()).isEmpty();
  }

  @Test
  void aNotSpamReportIsReadButSuppressesNobody() {
    ComplaintReport report =
        (ComplaintReport)
            Samples.parseText(
                REPORT.formatted("Feedback-Type: not-spam\nUser-Agent: X/1\nVersion: 1"));

    assertThat(report.feedbackType()).isEqualTo(FeedbackType.NOT_SPAM);
    assertThat(report.suppresses()).isFalse();
    assertThat(report.originalHeader("x-hikyaku-delivery")).contains("Fbl_T0k");
    assertThat(report.originalMessageId()).contains("<c-1@hikyaku.example.jp>");
  }

  @Test
  void anUnregisteredOrMissingFeedbackTypeIsReadAsOtherWithAProblem() {
    ComplaintReport unknown =
        (ComplaintReport)
            Samples.parseText(
                REPORT.formatted("Feedback-Type: opt-out\nUser-Agent: X/1\nVersion: 1"));
    ComplaintReport missing =
        (ComplaintReport) Samples.parseText(REPORT.formatted("Original-Rcpt-To: a@example.net"));

    assertThat(unknown.feedbackType()).isEqualTo(FeedbackType.OTHER);
    assertThat(unknown.suppresses()).isTrue();
    assertThat(unknown.problems()).anyMatch(p -> p.contains("unregistered Feedback-Type opt-out"));
    assertThat(missing.feedbackType()).isEqualTo(FeedbackType.OTHER);
    assertThat(missing.problems())
        .anyMatch(p -> p.contains("Feedback-Type missing"))
        .anyMatch(p -> p.contains("User-Agent or Version missing"));
    assertThat(missing.originalRecipients()).containsExactly("a@example.net");
  }

  @Test
  void anAuthenticationFailureReportIsNotAComplaint() {
    ComplaintReport report =
        (ComplaintReport)
            Samples.parseText(
                REPORT.formatted("Feedback-Type: auth-failure\nUser-Agent: X/1\nVersion: 1"));

    assertThat(report.feedbackType()).isEqualTo(FeedbackType.AUTH_FAILURE);
    assertThat(report.suppresses()).isFalse();
  }
}
