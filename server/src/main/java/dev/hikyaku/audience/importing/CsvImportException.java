package dev.hikyaku.audience.importing;

import dev.hikyaku.shared.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A file that cannot be imported at all (no header, no address column, an impossible column
 * choice), with a code for translation: the {@link InvalidInputException#code()} is the {@link
 * FileProblem#key()}, the field is {@code file}.
 */
public class CsvImportException extends InvalidInputException {

  private final FileProblem problem;

  public CsvImportException(FileProblem problem, String... args) {
    super("file", problem.key(), problem.english(List.of(args)), (Object[]) args);
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /** What is wrong with the file. */
  public FileProblem problem() {
    return problem;
  }

  /** The arguments of the message, as strings. */
  public List<String> arguments() {
    return Arrays.stream(args()).map(String::valueOf).toList();
  }
}
