package dev.hikyaku.diagnose.bounce;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the bounce parser and the VERP decoder with Jazzer: any bytes give a result within the
 * limits, never an exception. The regression run replays the corpus in every build; fuzzing proper
 * runs with {@code JAZZER_FUZZ=1}.
 */
class BounceFuzzTests {

  private static final BounceLimits LIMITS = new BounceLimits(64 * 1024, 20, 8_192, 8_192);
  private static final BounceParser PARSER = new BounceParser(LIMITS);

  /** The entry point for both JUnit and Jazzer's command line. */
  public static void fuzzerTestOneInput(FuzzedDataProvider data) {
    String recipient = data.consumeString(120);
    byte[] message = data.consumeRemainingAsBytes();

    VerpAddress.decode(recipient)
        .ifPresent(verp -> assertThat(VerpAddress.decode(verp.address())).contains(verp));
    switch (PARSER.parse(message)) {
      case DeliveryStatusReport report -> {
        assertThat(report.recipients())
            .isNotEmpty()
            .hasSizeLessThanOrEqualTo(LIMITS.maxRecipients());
        assertThat(report.problems()).hasSizeLessThanOrEqualTo(Problems.MAX + 1);
      }
      case ComplaintReport complaint ->
          assertThat(complaint.originalRecipients())
              .hasSizeLessThanOrEqualTo(FeedbackReportReader.MAX_RECIPIENTS);
      case AutoReply reply -> assertThat(reply.signal()).isNotBlank();
      case NotABounce other -> assertThat(other.subject()).isNotNull();
      case Unparseable unparseable -> assertThat(unparseable.reason()).isNotBlank();
    }
  }

  // Jazzer 0.30 writes entries to a libFuzzer dictionary unescaped: no line breaks or backslashes.
  @DictionaryEntries({
    "Content-Type: multipart/report; report-type=delivery-status; boundary=b",
    "Content-Type: multipart/report; report-type=feedback-report; boundary=b",
    "--b",
    "--b--",
    "Content-Type: message/delivery-status",
    "Content-Type: message/global-delivery-status",
    "Content-Type: message/feedback-report",
    "Content-Type: message/rfc822",
    "Content-Type: text/rfc822-headers",
    "Content-Transfer-Encoding: base64",
    "Reporting-MTA: dns; mx.example.jp",
    "Final-Recipient: rfc822; a@example.net",
    "Final-Recipient: utf-8; ",
    "Action: failed",
    "Status: 5.1.1",
    "Diagnostic-Code: smtp; 550 5.1.1 User unknown",
    "Feedback-Type: abuse",
    "Auto-Submitted: auto-replied",
    "Subject: =?ISO-2022-JP?B?GyRCPCtGMDFcRXobKEI=?=",
    "Hi. This is the qmail-send program at x.",
    "<a@example.net>:",
    "This message was created automatically by mail delivery software.",
    "could not be delivered to one or more of its recipients",
    "    550 5.1.1 x",
    "Diagnostic information for administrators:",
    "----- The following addresses had permanent fatal errors -----",
    "From: Postmaster@ezweb.ne.jp",
    "bounce+AbC_1@bounces.example.jp"
  })
  @FuzzTest(maxDuration = "20s")
  void anyBytesShouldGiveAResultWithinTheLimits(FuzzedDataProvider data) {
    fuzzerTestOneInput(data);
  }
}
