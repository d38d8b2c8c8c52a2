package dev.hikyaku.diagnose.encoding;

import java.util.Objects;

/** What decoding a part's text with its declared charset gives. */
public sealed interface DeclaredDecoding {

  /** Clean, plausible text. */
  record Clean() implements DeclaredDecoding {}

  /**
   * Text with replacement characters where byte sequences do not exist in the charset.
   *
   * @param count how many
   */
  record Replacements(int count) implements DeclaredDecoding {
    public Replacements {
      if (count < 1) {
        throw new IllegalArgumentException("at least one replacement");
      }
    }
  }

  /**
   * Text without replacements but implausible, as ISO-8859-1 read from UTF-8 bytes ("æ—¥æœ¬").
   *
   * @param sample a piece of it
   */
  record Implausible(String sample) implements DeclaredDecoding {
    public Implausible {
      Objects.requireNonNull(sample, "sample");
    }
  }

  /**
   * The declared charset is one the JDK does not know.
   *
   * @param label the charset as declared
   */
  record UnknownCharset(String label) implements DeclaredDecoding {
    public UnknownCharset {
      Objects.requireNonNull(label, "label");
    }
  }

  /**
   * Not checked: no charset is declared, or the part is not text.
   *
   * @param reason which, in words
   */
  record NotChecked(String reason) implements DeclaredDecoding {
    public NotChecked {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
