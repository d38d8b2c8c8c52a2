package dev.hikyaku.diagnosis.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a person types into the checklists is checked, and every problem is reported at once. */
class AnswersReaderTests {

  private static Map<String, List<String>> raw(String... pairs) {
    Map<String, List<String>> raw = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      raw.computeIfAbsent(pairs[i], k -> new java.util.ArrayList<>()).add(pairs[i + 1]);
    }
    return raw;
  }

  @Test
  void anEmptyFormShouldNameEveryRequiredQuestion() {
    assertThatThrownBy(() -> AnswersReader.read(TroubleKind.NON_DELIVERY, Map.of(), false))
        .isInstanceOfSatisfying(
            IntakeInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(
                        IntakeInputException.Problem::field, IntakeInputException.Problem::code)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("q.summary", "intake.required"),
                        org.assertj.core.groups.Tuple.tuple("q.direction", "intake.required")));
  }

  @Test
  void aSecurityIncidentShouldRequireItsDamageInstead() {
    assertThatThrownBy(
            () -> AnswersReader.read(TroubleKind.SECURITY_INCIDENT, raw("summary", "x"), false))
        .isInstanceOfSatisfying(
            IntakeInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(IntakeInputException.Problem::field)
                    .containsExactly("q.damage"));
  }

  @Test
  void optionsShouldBeCheckedAndKeptInTheChecklistsOrder() {
    Answers a =
        AnswersReader.read(
            TroubleKind.NON_DELIVERY,
            raw(
                "summary", " 届かない ",
                "direction", "send",
                "changes", "power-outage",
                "changes", "os-update",
                "changes", "os-update"),
            false);

    assertThat(a.get(Question.SUMMARY)).isEqualTo("届かない");
    assertThat(a.get(Question.CHANGES)).isEqualTo("os-update,power-outage");
    assertThat(a.byKey()).containsOnlyKeys("summary", "direction", "changes");
  }

  @Test
  void anUnknownOptionATooLongAnswerAndALineBreakShouldAllBeReported() {
    Map<String, List<String>> raw =
        raw(
            "summary", "first line\nsecond line",
            "direction", "sideways",
            "since", "x".repeat(Question.MAX_LINE + 1),
            "changes-other", "line one\nline two");

    assertThatThrownBy(() -> AnswersReader.read(TroubleKind.NON_DELIVERY, raw, false))
        .isInstanceOfSatisfying(
            IntakeInputException.class,
            e ->
                assertThat(e.problems())
                    .extracting(
                        IntakeInputException.Problem::field, IntakeInputException.Problem::code)
                    .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("q.summary", "intake.line-break"),
                        org.assertj.core.groups.Tuple.tuple("q.direction", "intake.option-unknown"),
                        org.assertj.core.groups.Tuple.tuple("q.since", "intake.too-long")));
  }

  @Test
  void theApiShouldBeToldAboutQuestionsOfTheOtherKindWhileTheFormIgnoresThem() {
    Map<String, List<String>> raw = raw("summary", "x", "direction", "send", "damage", "malware");

    assertThat(AnswersReader.read(TroubleKind.NON_DELIVERY, raw, false).byKey())
        .doesNotContainKey("damage");
    assertThatThrownBy(() -> AnswersReader.read(TroubleKind.NON_DELIVERY, raw, true))
        .isInstanceOf(IntakeInputException.class)
        .hasMessageContaining("no question damage");
  }

  @Test
  void theTraceQuestionShouldGiveOneTargetPerLine() {
    Answers a =
        AnswersReader.read(
            TroubleKind.NON_DELIVERY,
            raw(
                "summary",
                "x",
                "direction",
                "send",
                "trace",
                "a@example.jp\r\n\r\n <id@host> \n1A2B3C"),
            false);

    assertThat(a.traceTargets()).containsExactly("a@example.jp", "<id@host>", "1A2B3C");
  }
}
