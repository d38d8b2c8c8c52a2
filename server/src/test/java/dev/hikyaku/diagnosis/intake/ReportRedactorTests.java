package dev.hikyaku.diagnosis.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A report is masked with diagnose.redaction consistently: one address is one token in the header
 * block, the answers, the delivery report, the findings and the log traces.
 */
class ReportRedactorTests {

  private static final String HEADERS =
      """
      Received: from mx.example.net (mx.example.net [198.51.100.7])
      \tby mail.example.co.jp (Postfix) with ESMTPS id 4AB; Mon, 23 Nov 2026 10:00:05 +0900
      From: "Yamada Taro" <taro.yamada@example.net>
      To: hanako@example.co.jp
      Subject: =?UTF-8?B?6KuL5rGC5pu4?=
      Message-ID: <abc@example.net>
      """;

  private static IncidentReport report() {
    Map<String, String> answers = new LinkedHashMap<>();
    answers.put("summary", "mail from taro.yamada@example.net to hanako@example.co.jp is lost");
    answers.put("direction", "receive");
    MessageSection message =
        new MessageSection(
            true,
            "pasted",
            "請求書",
            "\"Yamada Taro\" <taro.yamada@example.net>",
            "<abc@example.net>",
            "",
            List.of(
                new MessageSection.HopRow(
                    1,
                    "mx.example.net [198.51.100.7]",
                    "mail.example.co.jp",
                    "ESMTPS",
                    "",
                    "",
                    -1,
                    false,
                    true)),
            -1,
            1,
            List.of(),
            List.of(),
            List.of(
                new MessageSection.BounceRow(
                    "hanako@example.co.jp",
                    "failed",
                    "5.1.1",
                    "550 5.1.1 <hanako@example.co.jp>",
                    "mail.example.co.jp",
                    "HARD")),
            List.of(),
            HEADERS);
    LogSection logs =
        new LogSection(
            true,
            List.of("mail.log"),
            10,
            10,
            1,
            0,
            0,
            1,
            0,
            List.of(),
            List.of(),
            List.of(),
            0,
            0,
            0,
            List.of("hanako@example.co.jp"),
            List.of(
                new LogSection.TraceRow(
                    "4AB",
                    "abc@example.net",
                    "taro.yamada@example.net",
                    "mx.example.net[198.51.100.7]",
                    "",
                    "",
                    "REMOVED",
                    List.of(
                        new LogSection.TraceRecipient(
                            "hanako@example.co.jp",
                            "bounced",
                            "5.1.1",
                            "local",
                            "unknown user: hanako",
                            1)),
                    List.of())),
            0);
    return new IncidentReport(
        TroubleKind.NON_DELIVERY,
        answers,
        message,
        logs,
        List.of(
            new ReportFinding(
                "bounce", "PROBLEM", "bounce.failed", "hanako@example.co.jp: 5.1.1", "report")),
        new PlaceVerdict(TroublePlace.UNDETERMINED, List.of()),
        new RedactionNote(false, false, false, false, List.of(), Map.of()));
  }

  private static String everything(IncidentReport r) {
    StringBuilder all = new StringBuilder();
    r.map(t -> {
      all.append(t).append('\n');
      return t;
    });
    return all.toString();
  }

  @Test
  void addressesNamesAndTheSubjectShouldBeGoneFromEveryPartOfTheReport() {
    IncidentReport masked = ReportRedactor.redact(report(), RedactionChoice.defaults());

    String all = everything(masked);
    assertThat(all)
        .doesNotContain("taro.yamada@example.net", "hanako@example.co.jp", "Yamada Taro", "請求書")
        .doesNotContain("6KuL5rGC5pu4")
        .doesNotContain("example.co.jp", "example.net");
    assertThat(masked.redaction().masked()).containsKeys("ADDRESS", "NAME", "SUBJECT", "DOMAIN");
  }

  @Test
  void oneAddressShouldBeOneTokenEverywhere() {
    IncidentReport masked = ReportRedactor.redact(report(), RedactionChoice.defaults());

    String token = masked.message().bounce().getFirst().recipient();
    assertThat(token).matches("user\\d+@domain\\d+\\.example");
    assertThat(masked.message().headerBlock()).contains("To: " + token);
    assertThat(masked.summary()).contains(token);
    assertThat(masked.logs().traceTargets()).containsExactly(token);
    assertThat(masked.logs().traces().getFirst().recipients().getFirst().recipient())
        .isEqualTo(token);
    assertThat(masked.findings().getFirst().message()).startsWith(token + ":");
    assertThat(masked.message().subject()).isEqualTo("[subject redacted]");
  }

  @Test
  void codesCountsAndChoicesShouldStayAsTheyWere() {
    IncidentReport masked = ReportRedactor.redact(report(), RedactionChoice.defaults());

    assertThat(masked.answers()).containsEntry("direction", "receive");
    assertThat(masked.findings().getFirst().code()).isEqualTo("bounce.failed");
    assertThat(masked.message().bounce().getFirst().status()).isEqualTo("5.1.1");
    assertThat(masked.message().headerBlock()).contains("with ESMTPS id 4AB");
  }

  @Test
  void keptDomainsAndUntickedBoxesShouldStayVisible() {
    RedactionChoice keepNet =
        new RedactionChoice(true, false, false, false, List.of("example.net"));
    IncidentReport partly = ReportRedactor.redact(report(), keepNet);
    RedactionChoice none = new RedactionChoice(false, false, false, false, List.of());
    IncidentReport plain = ReportRedactor.redact(report(), none);

    assertThat(partly.message().from()).contains("Yamada Taro").contains("@example.net");
    assertThat(partly.message().from()).doesNotContain("taro.yamada@");
    assertThat(partly.message().subject()).isEqualTo("請求書");
    assertThat(everything(plain)).isEqualTo(everything(report()));
    assertThat(plain.redaction().any()).isFalse();
  }
}
