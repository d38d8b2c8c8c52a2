package dev.hikyaku.diagnose.encoding;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A header field with non-ASCII bytes or RFC 2047 encoded-words, as written and as decoded.
 *
 * @param where the field's name, prefixed with its part for fields of parts and attached messages,
 *     such as {@code Subject} or {@code part 2 Subject}
 * @param raw the unfolded value as written, bytes above 127 and control bytes shown as {@code
 *     \xNN}, cut to a few hundred characters
 * @param decoded what the value probably says: encoded-words decoded (across words where a
 *     character was split), raw bytes read with the detected charset
 * @param charsets the charset labels of the encoded-words, as written, each once
 * @param rawBytes what the detector made of raw 8-bit or ISO-2022-JP bytes, if there are any
 * @param problems the codes of the findings about this field
 */
public record HeaderText(
    String where,
    String raw,
    String decoded,
    List<String> charsets,
    Optional<Detection> rawBytes,
    List<String> problems) {

  public HeaderText {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(raw, "raw");
    Objects.requireNonNull(decoded, "decoded");
    charsets = List.copyOf(charsets);
    Objects.requireNonNull(rawBytes, "rawBytes");
    problems = List.copyOf(problems);
  }
}
