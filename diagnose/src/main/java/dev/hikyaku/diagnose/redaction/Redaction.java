package dev.hikyaku.diagnose.redaction;

import java.util.List;
import java.util.Objects;

/**
 * A redacted header block and the mapping from what was hidden to what replaced it.
 *
 * <p>The mapping is for showing the user locally which token stands for what; it holds the private
 * data and must never travel with the redacted text.
 *
 * @param text the header block with private data replaced by tokens
 * @param replacements each distinct original and its token, in order of first appearance
 */
public record Redaction(String text, List<Replacement> replacements) {

  /** What kind of private data a replacement hid. */
  public enum Kind {
    ADDRESS,
    DOMAIN,
    NAME,
    SUBJECT,
    FIELD,
    MESSAGE_ID,
    IP_ADDRESS
  }

  /** One distinct original value and the token that replaced it everywhere. */
  public record Replacement(Kind kind, String original, String token) {
    public Replacement {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(original, "original");
      Objects.requireNonNull(token, "token");
    }
  }

  public Redaction {
    Objects.requireNonNull(text, "text");
    replacements = List.copyOf(replacements);
  }

  /** The token that replaced {@code original} (case-insensitive), or {@code null} if none did. */
  public String tokenFor(String original) {
    for (Replacement r : replacements) {
      if (r.original().equalsIgnoreCase(original)) {
        return r.token();
      }
    }
    return null;
  }
}
