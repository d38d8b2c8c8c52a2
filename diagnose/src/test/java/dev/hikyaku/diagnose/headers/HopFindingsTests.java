package dev.hikyaku.diagnose.headers;

import static dev.hikyaku.diagnose.headers.HopAnalyzerTests.NOW;
import static dev.hikyaku.diagnose.headers.HopAnalyzerTests.analyze;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each finding of the hop analysis, with its stable code, severity and place. */
class HopFindingsTests {

  static final String DATE = "Date: Mon, 23 Nov 2026 10:00:00 +0900\n";
  static final String FROM = "From: a@example.com\n";

  /** Two hops: submission at {@code first}, then to the recipient's MX at {@code second}. */
  static String twoHops(String first, String second, String secondWith) {
    return "Received: from mail.example.com (mail.example.com [192.0.2.1]) by mx.example.net"
        + " (Postfix) with "
        + secondWith
        + " id 2; Mon, 23 Nov 2026 "
        + second
        + " +0900\n"
        + "Received: from pc.example.com ([192.168.1.5]) by mail.example.com (Postfix) with"
        + " ESMTPSA id 1; Mon, 23 Nov 2026 "
        + first
        + " +0900\n"
        + FROM
        + DATE;
  }

  static Finding only(HopReport report, String code) {
    List<Finding> found = report.withCode(code);
    assertThat(found).as(report.findings().toString()).hasSize(1);
    return found.get(0);
  }

  @Test
  void aNegativeDelayIsReportedAsClockSkew() {
    Finding finding = only(analyze(twoHops("10:00:00", "09:57:00", "ESMTPS")), "hop.clock-skew");

    assertThat(finding.severity()).isEqualTo(Severity.WARNING);
    assertThat(finding.where()).isEqualTo("hop 2");
    assertThat(finding.message()).contains("3 min 0 s before the hop preceding it");
  }

  @Test
  void aDelayOverFiveMinutesIsAWarningAndOverAnHourAProblem() {
    Finding slow = only(analyze(twoHops("10:00:00", "10:07:30", "ESMTPS")), "hop.delay");
    Finding stuck = only(analyze(twoHops("10:00:00", "11:30:00", "ESMTPS")), "hop.delay");

    assertThat(slow.severity()).isEqualTo(Severity.WARNING);
    assertThat(slow.message())
        .isEqualTo("the hop from mail.example.com [192.0.2.1] to mx.example.net took 7 min 30 s");
    assertThat(stuck.severity()).isEqualTo(Severity.PROBLEM);
    assertThat(stuck.message()).endsWith("took 1 h 30 min");
    assertThat(analyze(twoHops("10:00:00", "10:04:59", "ESMTPS")).withCode("hop.delay")).isEmpty();
  }

  @Test
  void thresholdsAreConfigurable() {
    HopThresholds strict =
        new HopThresholds(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ZERO);

    HopReport report =
        new HopAnalyzer(NOW, strict).analyze(twoHops("10:00:00", "10:00:30", "ESMTPS"));

    assertThat(only(report, "hop.delay").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void theInternetHopWithoutTlsIsAWarningButInternalHopsAreNot() {
    HopReport report = analyze(twoHops("10:00:00", "10:00:01", "ESMTP"));

    Finding finding = only(report, "hop.no-tls");
    assertThat(finding.where()).isEqualTo("hop 2");
    assertThat(finding.message())
        .isEqualTo(
            "the hop from mail.example.com [192.0.2.1] to mx.example.net crossed the internet"
                + " without TLS (with ESMTP)");
  }

  @Test
  void outdatedTlsIsAWarning() {
    HopReport report =
        analyze(
            "Received: from mail.example.com (mail.example.com [192.0.2.1]) (using TLSv1 with"
                + " cipher AES256-SHA (256/256 bits)) by mx.example.net (Postfix) with ESMTPS id"
                + " 2; Mon, 23 Nov 2026 10:00:01 +0900\n"
                + FROM
                + DATE);

    assertThat(only(report, "hop.tls-outdated").message()).contains("used TLSv1,");
  }

  @Test
  void unreadableAndMalformedReceivedFieldsAreReported() {
    HopReport report =
        analyze("Received: ((( garbage\nReceived: from a.example by b.example\n" + FROM + DATE);

    Finding unparseable = only(report, "received.unparseable");
    Finding malformed = only(report, "received.malformed");
    assertThat(unparseable.severity()).isEqualTo(Severity.WARNING);
    assertThat(unparseable.where()).isEqualTo("hop 2");
    assertThat(unparseable.message()).startsWith("the Received field could not be read: ");
    assertThat(malformed.severity()).isEqualTo(Severity.INFO);
    assertThat(malformed.where()).isEqualTo("hop 1");
  }

  @Test
  void noReceivedFieldsIsWorthKnowing() {
    assertThat(only(analyze(FROM + DATE), "received.none").severity()).isEqualTo(Severity.INFO);
  }

  @Test
  void aMissingDateIsAWarning() {
    HopReport report = analyze(FROM);

    assertThat(only(report, "date.missing").where()).isEqualTo("Date");
    assertThat(report.worst()).contains(Severity.WARNING);
  }

  @Test
  void anUnreadableOrRepeatedDateIsAWarning() {
    HopReport invalid = analyze(FROM + "Date: the day after tomorrow\n");
    HopReport repeated = analyze(FROM + DATE + DATE);

    assertThat(only(invalid, "date.invalid").message())
        .startsWith("the Date field cannot be read: ");
    assertThat(only(repeated, "date.repeated").severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void aDateInTheFutureIsReported() {
    // NOW is 2026-11-23T02:00Z, i.e. 11:00 in Tokyo.
    HopReport report = analyze(FROM + "Date: Mon, 23 Nov 2026 11:30:00 +0900\n");

    assertThat(only(report, "date.future").message())
        .isEqualTo("the Date field is 30 min 0 s in the future");
    assertThat(analyze(FROM + "Date: Mon, 23 Nov 2026 11:04:00 +0900\n").withCode("date.future"))
        .isEmpty();
  }

  @Test
  void aDateLaterThanTheFirstHopPointsAtTheSendersClock() {
    HopReport report =
        analyze(
            "Received: from pc ([192.168.1.5]) by mail.example.com with ESMTPSA; Mon, 23 Nov 2026"
                + " 09:40:00 +0900\n"
                + FROM
                + DATE);

    assertThat(only(report, "date.after-first-hop").message()).contains("20 min 0 s later");
    assertThat(report.sinceDate()).contains(Duration.ofMinutes(-20));
  }

  @Test
  void findingsComeHopByHopThenAboutTheDate() {
    HopReport report = analyze(twoHops("10:00:00", "09:00:00", "SMTP").replace(DATE, ""));

    assertThat(report.findings())
        .extracting(Finding::code)
        .containsExactly("hop.clock-skew", "hop.no-tls", "date.missing");
  }
}
