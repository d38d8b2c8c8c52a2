package dev.hikyaku.diagnosis.intake;

import dev.hikyaku.shared.InvalidInputException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Everything wrong with one filing at once, so the form can mark every field in one round; the
 * first problem is the exception's own field and code, for the API's problem document.
 */
public class IntakeInputException extends InvalidInputException {

  /**
   * One problem: the form field it concerns, a code ({@code error.<code>} in the bundles), its
   * arguments, and the text in English.
   */
  public record Problem(String field, String code, List<String> args, String english) {
    public Problem {
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(code, "code");
      args = List.copyOf(args);
      Objects.requireNonNull(english, "english");
    }

    Problem(String field, String code, String english) {
      this(field, code, List.of(), english);
    }
  }

  private final transient List<Problem> problems;

  IntakeInputException(List<Problem> problems) {
    super(
        problems.getFirst().field(),
        problems.getFirst().code(),
        problems.stream().map(Problem::english).collect(Collectors.joining("; ")),
        problems.getFirst().args().toArray());
    this.problems = List.copyOf(problems);
  }

  IntakeInputException(Problem problem) {
    this(List.of(problem));
  }

  public List<Problem> problems() {
    return problems;
  }
}
