package dev.hikyaku.diagnose.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.hikyaku.mailauth.message.HeaderBlock;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The hop table: transit order, delays, transit times and where mail leaves the sender. */
class HopAnalyzerTests {

  static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T02:00:00Z"), ZoneOffset.UTC);

  /** Sato at example.com writes to Tanaka at example.net: submission, internet, mailbox. */
  static final String OFFICE_TO_OFFICE =
      """
      Received: from mx.example.net (mx.example.net [198.51.100.25])
      \tby mbox.example.net (Postfix) with LMTP id 8C1F2A0044
      \tfor <tanaka@example.net>; Mon, 23 Nov 2026 10:00:05 +0900 (JST)
      Received: from mail.example.com (mail.example.com [192.0.2.1])
      \t(using TLSv1.3 with cipher TLS_AES_256_GCM_SHA384 (256/256 bits))
      \t(No client certificate requested)
      \tby mx.example.net (Postfix) with ESMTPS id 4ZbXq71kT2z9sWn
      \tfor <tanaka@example.net>; Mon, 23 Nov 2026 10:00:04 +0900 (JST)
      Received: from [192.168.10.23] (unknown [203.0.113.50])
      \t(Authenticated sender: sato.k@example.com)
      \tby mail.example.com (Postfix) with ESMTPSA id 4ZbXq50Q2Lz3x;
      \tMon, 23 Nov 2026 10:00:01 +0900 (JST)
      Date: Mon, 23 Nov 2026 10:00:00 +0900
      From: Sato Kenji <sato.k@example.com>
      To: tanaka@example.net
      Subject: =?UTF-8?B?5Lya6K2w?=

      body
      """;

  static HopReport analyze(String headers) {
    return new HopAnalyzer(NOW).analyze(headers);
  }

  @Test
  void hopsAreInTransitOrderWithDelaysFromThePreviousHop() {
    HopReport report = analyze(OFFICE_TO_OFFICE);

    assertThat(report.hops())
        .extracting(h -> h.received().by().orElseThrow())
        .containsExactly("mail.example.com", "mx.example.net", "mbox.example.net");
    assertThat(report.hops()).extracting(Hop::number).containsExactly(1, 2, 3);
    assertThat(report.hops().get(0).delay()).isEmpty();
    assertThat(report.hops().get(1).delay()).contains(Duration.ofSeconds(3));
    assertThat(report.hops().get(2).delay()).contains(Duration.ofSeconds(1));
    assertThat(report.hops()).noneMatch(Hop::clockSkew);
    assertThat(report.receivedCount()).isEqualTo(3);
  }

  @Test
  void transitTimesRunToTheLastHop() {
    HopReport report = analyze(OFFICE_TO_OFFICE);

    assertThat(report.transit()).contains(Duration.ofSeconds(4));
    assertThat(report.sinceDate()).contains(Duration.ofSeconds(5));
    assertThat(report.date()).isPresent();
  }

  @Test
  void theFirstExternalHopIsWhereTheByDomainLeavesTheSendersOrganisation() {
    HopReport report = analyze(OFFICE_TO_OFFICE);

    assertThat(report.firstExternalHop()).isEqualTo(OptionalInt.of(2));
    assertThat(report.hops()).extracting(Hop::internetPath).containsExactly(false, true, false);
  }

  @Test
  void aCleanMessageHasNoFindings() {
    assertThat(analyze(OFFICE_TO_OFFICE).findings()).isEmpty();
  }

  @Test
  void bytesStringAndHeaderBlockGiveTheSameReport() {
    byte[] bytes = OFFICE_TO_OFFICE.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
    HopAnalyzer analyzer = new HopAnalyzer(NOW);

    HopReport fromBytes = analyzer.analyze(bytes);

    assertThat(fromBytes.hops()).hasSize(3);
    assertThat(fromBytes.transit()).contains(Duration.ofSeconds(4));
    assertThat(analyzer.analyze(HeaderBlock.read(bytes, 1 << 20)).firstExternalHop())
        .isEqualTo(fromBytes.firstExternalHop());
  }

  @Test
  void aProviderHandingMailToItselfStaysInsideTheSendersSide() {
    // Outlook.com hosts example.com: mapi, internal hops, then the outbound relay hands over.
    HopReport report =
        analyze(
            """
            Received: from TY3P286MB1234.JPNP286.PROD.OUTLOOK.COM (198.51.100.80) by
             mx.example.net (Postfix) with ESMTPS id 4Zb1 (using TLSv1.2 with cipher
             ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)); Mon, 23 Nov 2026 10:00:09 +0900
            Received: from TYCPR01MB8123.jpnprd01.prod.outlook.com (2603:1096:400:1c2::7) by
             TY3P286MB1234.JPNP286.PROD.OUTLOOK.COM (2603:1096:400:1c2::8) with Microsoft SMTP
             Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id
             15.20.8182.17; Mon, 23 Nov 2026 01:00:07 +0000
            Received: from TYCPR01MB8123.jpnprd01.prod.outlook.com ([fe80::5d3a:9c1e:2b7f:41a0])
             by TYCPR01MB8123.jpnprd01.prod.outlook.com ([fe80::5d3a:9c1e:2b7f:41a0%5]) with
             mapi id 15.20.8182.016; Mon, 23 Nov 2026 01:00:05 +0000
            From: Sato <sato.k@example.com>
            Date: Mon, 23 Nov 2026 01:00:04 +0000
            """);

    assertThat(report.firstExternalHop()).isEqualTo(OptionalInt.of(3));
    assertThat(report.hops().get(2).delay()).contains(Duration.ofSeconds(2));
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void withoutAFromFieldTheFirstHopsReceiverIsTheSenders() {
    HopReport report =
        analyze(
            """
            Received: from smtp.example.org (smtp.example.org [192.0.2.9]) by mx.example.net
             (Postfix) with ESMTPS id 1; Mon, 23 Nov 2026 10:00:02 +0900
            Received: from pc1 ([10.0.0.5]) by smtp.example.org (Postfix) with ESMTPSA id 0;
             Mon, 23 Nov 2026 10:00:01 +0900
            Date: Mon, 23 Nov 2026 10:00:00 +0900
            """);

    assertThat(report.firstExternalHop()).isEqualTo(OptionalInt.of(2));
  }

  @Test
  void aHopWithoutATimeIsSkippedWhenMeasuringTheNextDelay() {
    HopReport report =
        analyze(
            """
            Received: from b.example.net by c.example.net; Mon, 23 Nov 2026 10:00:30 +0900
            Received: from a.example.net by b.example.net; not a date
            Received: from x.example.com by a.example.net; Mon, 23 Nov 2026 10:00:00 +0900
            From: a@example.com
            Date: Mon, 23 Nov 2026 10:00:00 +0900
            """);

    assertThat(report.hops().get(1).delay()).isEmpty();
    assertThat(report.hops().get(2).delay()).contains(Duration.ofSeconds(30));
    assertThat(report.transit()).contains(Duration.ofSeconds(30));
  }

  @Test
  void aNegativeDelayIsClockSkew() {
    HopReport report =
        analyze(
            """
            Received: from a.example.com by mx.example.net; Mon, 23 Nov 2026 09:58:00 +0900
            Received: from pc by a.example.com; Mon, 23 Nov 2026 10:00:00 +0900
            From: a@example.com
            Date: Mon, 23 Nov 2026 10:00:00 +0900
            """);

    Hop second = report.hops().get(1);
    assertThat(second.clockSkew()).isTrue();
    assertThat(second.delay()).contains(Duration.ofMinutes(-2));
    assertThat(report.transit()).contains(Duration.ofMinutes(-2));
  }

  @Test
  void aMessageWithoutReceivedFieldsHasAnEmptyTable() {
    HopReport report = analyze("From: a@example.com\nDate: Mon, 23 Nov 2026 10:00:00 +0900\n");

    assertThat(report.hops()).isEmpty();
    assertThat(report.transit()).isEmpty();
    assertThat(report.sinceDate()).isEmpty();
    assertThat(report.firstExternalHop()).isEmpty();
  }

  @Test
  void hopsAndThresholdsRefuseInconsistentValues() {
    ReceivedField field = ReceivedField.parse("by mx.example.net; 23 Nov 2026 10:00 +0000");

    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Hop(0, field, Optional.empty(), false, false));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new Hop(1, field, Optional.of(Duration.ofSeconds(-1)), false, false));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () -> new HopThresholds(Duration.ofHours(1), Duration.ofMinutes(5), Duration.ZERO));
  }
}
