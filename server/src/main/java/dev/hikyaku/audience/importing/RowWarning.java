package dev.hikyaku.audience.importing;

import java.util.List;
import java.util.Objects;

/**
 * Something about an imported row that the user should see: a code and its arguments.
 *
 * @param code the code
 * @param args the values its text names, in order
 */
public record RowWarning(WarningCode code, List<String> args) {

  public RowWarning {
    Objects.requireNonNull(code, "code");
    args = List.copyOf(args);
  }

  /** A warning with these arguments. */
  public static RowWarning of(WarningCode code, String... args) {
    return new RowWarning(code, List.of(args));
  }

  /** The default English text. */
  public String english() {
    return code.english(args);
  }
}
