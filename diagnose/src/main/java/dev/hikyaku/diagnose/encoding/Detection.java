package dev.hikyaku.diagnose.encoding;

import java.util.Objects;
import java.util.Optional;

/** What {@link CharsetDetector} concluded about some bytes: a charset, or why it cannot tell. */
public sealed interface Detection {

  /** The charset, when one was detected. */
  default Optional<DetectedCharset> detectedCharset() {
    return switch (this) {
      case Detected detected -> Optional.of(detected.charset());
      case Undetermined undetermined -> Optional.empty();
    };
  }

  /**
   * The bytes are in {@code charset}.
   *
   * @param charset the charset
   * @param evidence why, in words, such as {@code valid UTF-8 with 12 multi-byte characters}
   */
  record Detected(DetectedCharset charset, String evidence) implements Detection {
    public Detected {
      Objects.requireNonNull(charset, "charset");
      Objects.requireNonNull(evidence, "evidence");
    }
  }

  /**
   * The bytes are too few, ambiguous or in no charset the detector knows; it does not guess.
   *
   * @param reason why, in words
   */
  record Undetermined(String reason) implements Detection {
    public Undetermined {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
