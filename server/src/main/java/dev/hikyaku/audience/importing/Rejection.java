package dev.hikyaku.audience.importing;

import java.util.List;
import java.util.Objects;

/**
 * Why a row is not imported: a code and its arguments, so the console can say it in Japanese or
 * English.
 *
 * @param reason the code
 * @param args the values its text names, in order
 */
public record Rejection(RejectionReason reason, List<String> args) {

  public Rejection {
    Objects.requireNonNull(reason, "reason");
    args = List.copyOf(args);
  }

  /** A rejection with these arguments. */
  public static Rejection of(RejectionReason reason, String... args) {
    return new Rejection(reason, List.of(args));
  }

  /** The default English text. */
  public String english() {
    return reason.english(args);
  }
}
