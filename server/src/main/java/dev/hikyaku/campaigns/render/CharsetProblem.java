package dev.hikyaku.campaigns.render;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A character the message's charset cannot hold: which one, in which part of the message and where,
 * and a replacement that would fit when there is an obvious one (① as "1", ㈱ as "(株)"). A pre-send
 * finding: the composer refuses the message rather than write a {@code ?}.
 *
 * @param part the part of the message
 * @param detail which one when there are several (the attachment's file name, the header name),
 *     else {@code ""}
 * @param line the line, from 1
 * @param column the column, from 1, in code points
 * @param codePoint the character (a lone surrogate for broken UTF-16 text)
 * @param suggestion a replacement the charset holds, if there is an obvious one
 */
public record CharsetProblem(
    Part part, String detail, int line, int column, int codePoint, Optional<String> suggestion) {

  /** The parts of a message a problem can be in. */
  public enum Part {
    SUBJECT,
    FROM_NAME,
    REPLY_TO_NAME,
    TO_NAME,
    LIST_ID,
    EXTRA_HEADER,
    TEXT_BODY,
    HTML_BODY,
    ATTACHMENT_NAME
  }

  public CharsetProblem {
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(suggestion, "suggestion");
  }

  /** The character as text, or {@code U+XXXX} when it is a lone surrogate. */
  public String character() {
    if (codePoint <= 0xFFFF && Character.isSurrogate((char) codePoint)) {
      return String.format("U+%04X", codePoint);
    }
    return new String(Character.toChars(codePoint));
  }

  /** The problem in words, for logs and the console's fallback text. */
  public String describe() {
    String where =
        part.name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + (detail.isEmpty() ? "" : " (" + detail + ")");
    return String.format(
        "'%s' (U+%04X) in the %s at line %d, column %d cannot be written%s",
        character(),
        codePoint,
        where,
        line,
        column,
        suggestion.map(s -> "; use '" + s + "' instead").orElse(""));
  }
}
